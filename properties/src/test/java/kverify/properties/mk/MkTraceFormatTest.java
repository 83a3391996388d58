package kverify.properties.mk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Divergence;
import kverify.engine.From;
import kverify.engine.Gen;
import kverify.engine.PropertyTest;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Machine;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkOp;
import org.junit.jupiter.api.Test;

class MkTraceFormatTest {

    /** A machine, twelve operations generated against the model's state as they apply, and a variant. */
    static Gen<MkTrace> traces() {
        return s -> {
            Machine m = s.draw(MkMachineGen.machines());
            MkKernel model = MkSubjects.model(m);
            List<MkOp> ops = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                MkOp op = s.draw(MkOpGen.next(m, model.state()));
                ops.add(op);
                model.apply(op);
            }
            return new MkTrace(MkVariant.values()[(int) s.choice(2)], m, ops, List.of("explanation: a comment"));
        };
    }

    /** Generated machines and op sequences print, parse back equal, and print identically again. */
    @PropertyTest(name = "mk.trace.round-trip")
    void printedTracesParseBackToTheSameTrace(@From("traces") MkTrace t) {
        List<String> printed = MkTracePrinter.print(t);
        MkTrace back = MkTraceParser.parse(printed);
        if (!back.equals(t) || !MkTracePrinter.print(back).equals(printed)) {
            throw new Divergence("trace round trip", String.join("\n", printed) + "\nparsed as\n" + back);
        }
    }

    private static List<String> example(String... ops) {
        List<String> lines = new ArrayList<>(List.of(MkTracePrinter.HEADER, "variant: AS_POSTED"));
        lines.addAll(MkTracePrinter.machineLines(ExampleMachines.fourCpus()));
        lines.addAll(List.of(ops));
        return lines;
    }

    @Test
    void aHandWrittenTraceReadsAsDocumented() {
        MkTrace t = MkTraceParser.parse(example("# a comment", "",
                "kexec_load entry=0x40000 flags=MULTIKERNEL|ARCH_X86_64 seg(mem=0x40000,memsz=0x2000,bufsz=0x1800,pat=3,fault=0x100)",
                "unload flags=MULTIKERNEL", "reboot cmd=MULTIKERNEL cpu=-1 arg=fault", "reboot cmd=KEXEC magic2=0x05121996",
                "cpu_online 2", "cpu_offline 1", "suspend", "concurrent [reboot cmd=MULTIKERNEL cpu=2] [cpu_online 2] schedule=1,1,2",
                "kexec_load entry=0x40000 flags=MULTIKERNEL nr_segments=3 segments=fault"));
        assertThat(t.machine()).isEqualTo(ExampleMachines.fourCpus());
        assertThat(t.machine().physBits()).isEqualTo(46);
        assertThat(t.ops()).hasSize(9);
        assertThat(t.ops().get(8)).isEqualTo(new MkOp.KexecLoadUnreadable(0x40000, 3, 0x10));
        assertThat(t.ops().get(2)).isEqualTo(new MkOp.Reboot(0xfee1dead, 672274793, 0x4D4B4C49, -1, true));
        assertThat(t.ops().get(7)).isInstanceOf(MkOp.Concurrent.class);
        assertThat(t.comments()).containsExactly("a comment");
    }

    @Test
    void malformedTracesNameTheLineAndTheProblem() {
        int firstOp = example().size() + 1;
        expectError(List.of("kverify-trace something else"), 1, "header");
        expectError(example("kexec_load entry=0x1000 flags=MULTI seg(mem=0x1000,memsz=0x1000,bufsz=0x1000,pat=0)"), firstOp, "unknown kexec flag 'MULTI'");
        expectError(example("kexec_load entry=0x1000 flags=0 seg(mem=0x1000,memsz=0x1000)"), firstOp, "segment lacks bufsz=");
        expectError(example("kexec_load entry=0x1000 flags=0"), firstOp, "unload");
        expectError(example("reboot cpu=1"), firstOp, "reboot needs cmd=");
        expectError(example("reboot cmd=0x01234567"), firstOp, "not modelled");
        expectError(example("frobnicate 3"), firstOp, "unknown operation 'frobnicate'");
        expectError(example("kexec_load entry=0x1000 flags=0 nr_segments=2 segments=ok"), firstOp, "segments=fault");
        expectError(example("kexec_load entry=0x1000 flags=0 nr_segments=0 segments=fault"), firstOp, "nr_segments");
        List<String> wide = example("suspend");
        wide.set(2, wide.get(2) + " phys_bits=60");
        expectError(wide, firstOp, "phys_bits is 32..52");
        expectError(example("cpu_online 2", "ram: 0x0-0x1000"), firstOp + 1, "after the first operation");
        expectError(example("cpu_online zz"), firstOp, "not a number");
        expectError(example("concurrent [unload flags=0] [suspend] schedule=1"), firstOp, "run concurrently");
        List<String> noCrash = example("suspend");
        noCrash.removeIf(l -> l.startsWith("crashkernel:"));
        expectError(noCrash, firstOp - 1, "crashkernel");
        List<String> swapped = example();
        swapped.set(swapped.indexOf("cpu: 1 apic=0x1 present=y online=y in_present_map=y wakeup=0"), "cpu: 3 apic=0x1 present=y online=y in_present_map=y wakeup=0");
        expectError(swapped, swapped.indexOf("cpu: 3 apic=0x1 present=y online=y in_present_map=y wakeup=0") + 1, "expected cpu 1");
        List<String> noVariant = example("suspend");
        noVariant.remove("variant: AS_POSTED");
        expectError(noVariant, noVariant.size(), "variant");
    }

    private static void expectError(List<String> lines, int line, String message) {
        assertThatThrownBy(() -> MkTraceParser.parse(lines)).isInstanceOf(MalformedTrace.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(((MalformedTrace) e).line()).as(message).isEqualTo(line));
    }
}
