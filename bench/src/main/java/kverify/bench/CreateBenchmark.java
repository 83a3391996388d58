package kverify.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.RebootFault;
import kverify.model.luo.Uapi;
import kverify.model.luo.UserArg;
import kverify.model.luo.reference.LuoReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH cross-check of part 2 (see {@link Scaling}): n creates on a freshly booted system, and the
 * first open (deserialize) after n sessions were handed over, impl and reference model, at the
 * real geometry. The slope is fitted by the scenario runner; this gives the points. {@link #create}
 * makes the system calls (open, one CREATE_SESSION per name), {@link #createThroughProgram} goes
 * through {@link LuoSystem#createSession}, trace v1's program with its own map of handles.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class CreateBenchmark {
    @Param({"1000", "10000", "100000"})
    public int n;

    @Param({"impl", "model"})
    public String subject;

    private String[] names;
    private byte[][] args;
    private LuoSystem fresh;
    private LuoSystem handedOver;

    @Setup(Level.Trial)
    public void names() {
        names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "session-" + i;
        }
        args = new byte[n][];
        for (int i = 0; i < n; i++) {
            args[i] = Uapi.sessionArg(Uapi.SESSION_ARG_SIZE, names[i].getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Setup(Level.Invocation)
    public void systems() {
        fresh = boot();
        handedOver = boot();
        for (String name : names) {
            handedOver.createSession(name);
        }
        handedOver.reboot(RebootFault.NONE);
        handedOver.setup();
    }

    private LuoSystem boot() {
        return subject.equals("impl") ? LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.REAL) : new LuoReference(LuoGeometry.REAL);
    }

    @Benchmark
    public LuoSystem create() {
        int device = fresh.open().value();
        for (byte[] arg : args) {
            fresh.ioctl(device, Uapi.CREATE_SESSION, new UserArg(arg, true));
        }
        return fresh;
    }

    @Benchmark
    public LuoSystem createThroughProgram() {
        for (String name : names) {
            fresh.createSession(name);
        }
        return fresh;
    }

    @Benchmark
    public Object deserialize() {
        return handedOver.openDevice();
    }
}
