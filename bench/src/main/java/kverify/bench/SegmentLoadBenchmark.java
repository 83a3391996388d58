package kverify.bench;

import java.util.concurrent.TimeUnit;
import kverify.impl.mk.MkImplKernel;
import kverify.impl.mk.MkVariant;
import kverify.impl.mk.SegmentProbe;
import kverify.model.mk.Call;
import kverify.model.mk.Machine;
import kverify.model.mk.MkKernel;
import kverify.model.mk.reference.ReferenceMk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH cross-check of part 4 (see {@link SegmentLoad}): one 64 MiB multikernel segment loaded by
 * the impl (fresh kernel per invocation, so destination pages are allocated as in a first load),
 * by the reference model, and System.arraycopy of the same size. Each invocation is tens of
 * milliseconds, so per-invocation setup is harmless here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class SegmentLoadBenchmark {
    private final Machine machine = SegmentLoad.machine();
    private byte[] src;
    private byte[] dst;
    private MkKernel posted;
    private MkKernel corrected;
    private MkKernel model;

    @Setup(Level.Trial)
    public void arrays() {
        src = SegmentProbe.userBytes(SegmentLoad.BUFFER, SegmentLoad.SIZE);
        dst = new byte[SegmentLoad.SIZE];
    }

    @Setup(Level.Invocation)
    public void kernels() {
        posted = MkImplKernel.create(MkVariant.AS_POSTED, machine);
        corrected = MkImplKernel.create(MkVariant.CORRECTED, machine);
        model = new ReferenceMk(machine);
    }

    @Benchmark
    public byte[] arraycopy() {
        System.arraycopy(src, 0, dst, 0, SegmentLoad.SIZE);
        return dst;
    }

    @Benchmark
    public Call implAsPosted() {
        return posted.apply(SegmentLoad.LOAD).call();
    }

    @Benchmark
    public Call implCorrected() {
        return corrected.apply(SegmentLoad.LOAD).call();
    }

    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 2)
    public Call model() {
        return model.apply(SegmentLoad.LOAD).call();
    }
}
