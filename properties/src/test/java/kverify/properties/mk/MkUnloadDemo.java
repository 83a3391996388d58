package kverify.properties.mk;

import java.util.Optional;
import kverify.engine.Divergence;
import kverify.engine.From;
import kverify.engine.Gen;
import kverify.engine.PropertyTest;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.Machine;
import kverify.model.mk.MkOp;

/**
 * A kernel property written with {@code @PropertyTest}, on a posted variant known to diverge, so
 * it fails on purpose: one unload with any of the named kexec flags, on a generated machine, must
 * agree with the model. AS_POSTED does not (see the mk findings: MULTIKERNEL with a crash flag is
 * accepted, MULTIKERNEL without CONFIG_KEXEC_JUMP is EINVAL). The class name is outside
 * Surefire's includes, so {@code mvn test} never runs it; {@link MkUnloadDemoTest} runs it through
 * the JUnit Platform and checks the report. Alone from Maven (fails with the report):
 * <pre>
 * mvn -q test -pl properties -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest='MkUnloadDemo'
 * </pre>
 */
class MkUnloadDemo {
    /** ON_CRASH, PRESERVE_CONTEXT, UPDATE_ELFCOREHDR, CRASH_HOTPLUG_SUPPORT and MULTIKERNEL, in any combination. */
    static final Gen<Long> NAMED_FLAGS = Gen.longs(0, 0x1f);

    static Gen<Machine> machines() {
        return MkMachineGen.machines();
    }

    @PropertyTest(name = "mk.demo.unload.as-posted", tries = 300)
    void asPostedUnloadAgreesWithTheModel(@From("machines") Machine machine, @From("NAMED_FLAGS") long flags) {
        MkDuel duel = new MkDuel(MkSubjects.model(machine), MkSubjects.impl(MkVariant.AS_POSTED, machine));
        Optional<Divergence> d = duel.step(new MkOp.Unload(flags));
        if (d.isPresent()) {
            throw d.get();
        }
    }
}
