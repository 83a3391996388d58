package kverify.properties.luo;

import java.util.Optional;
import kverify.engine.Gen;
import kverify.model.Errno;
import kverify.model.luo.AllocKind;
import kverify.model.luo.LuoFault;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;

/**
 * The whole interface of {@link LuoCallGen} plus the fault space (issue 15): allocations armed to
 * fail (mostly the next one, so the very next call that allocates fails; kzalloc twice as often as
 * kho_alloc_preserve, whose only callers are block boundaries), and reboots that return after a
 * successful serialize (mostly with 0, the kexec jump back; else freeze_processes' EBUSY).
 */
final class LuoFaultGen {
    private final LuoCallGen calls;

    LuoFaultGen(LuoGeometry g) {
        this.calls = new LuoCallGen(g);
    }

    /**
     * One step: a continue flag (0 stops) and the op, in one span; where a next kernel would stop,
     * sometimes another live update instead ({@link LuoCallGen#step}): a reboot, or one that
     * returns first (the next kernel serializes twice).
     */
    Gen<Optional<LuoOp>> step(LuoState s, CallContext c, long mean) {
        Gen<LuoOp> reboot = Gen.frequency(Gen.weighted(2, calls.reboot(s)), Gen.weighted(1, returningReboot(s)));
        return LuoCallGen.step(s, c, mean, this::op, LuoCallGen.anotherUpdate(s, c, reboot));
    }

    private Gen<LuoOp> op(LuoState s, CallContext c) {
        if (s.phase() != Phase.OUTGOING) {
            return Gen.frequency(Gen.weighted(10, calls.call(s, c)), Gen.weighted(2, failAlloc()));
        }
        return Gen.frequency(Gen.weighted(10, calls.call(s, c)), Gen.weighted(2, failAlloc()), Gen.weighted(2, returningReboot(s)));
    }

    static Gen<LuoOp> failAlloc() {
        Gen<AllocKind> kind = Gen.frequency(Gen.weighted(2, Gen.constant(AllocKind.KZALLOC)), Gen.weighted(1, Gen.constant(AllocKind.KHO)));
        Gen<Integer> nth = Gen.frequency(Gen.weighted(6, Gen.constant(1)), Gen.weighted(3, Gen.ints(2, 4)));
        return src -> new LuoFault.FailAlloc(src.draw(kind), src.draw(nth));
    }

    private Gen<LuoOp> returningReboot(LuoState s) {
        Gen<Optional<Errno>> then = Gen.frequency(Gen.weighted(3, Gen.constant(Optional.<Errno>empty())),
                Gen.weighted(1, Gen.constant(Optional.of(Errno.EBUSY))));
        Gen<LuoOp> reboot = calls.reboot(s);
        return src -> {
            RebootFault fault = ((LuoOp.Reboot) src.draw(reboot)).fault();
            return new LuoFault.ReturningReboot(fault, src.draw(then));
        };
    }
}
