package kverify.impl.kho;

import kverify.model.luo.AllocKind;

/**
 * The fault injection of one running kernel (docs/luo.md, decision 35): armed by its user space,
 * the nth allocation of one kind from then on fails, once. Every allocation site asks
 * {@link #fails} at the point the kernel calls its allocator; {@link #takeFired} tells the
 * harness whether the armed allocation failed since it last asked. One per {@link Kho}, so a
 * kexec (a new Kho) drops whatever was armed.
 */
public final class AllocFaults {
    private AllocKind armed;
    private int before;
    private boolean fired;

    /** The nth (from 1) allocation of this kind from now fails; replaces a fault armed before. */
    public void arm(AllocKind kind, int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be >= 1, got " + nth);
        }
        armed = kind;
        before = nth - 1;
    }

    /** Called by an allocation site of this kind: true if this allocation fails. */
    public boolean fails(AllocKind kind) {
        if (armed != kind) {
            return false;
        }
        if (before > 0) {
            before--;
            return false;
        }
        armed = null;
        fired = true;
        return true;
    }

    /** kzalloc of a LUO struct: true if it returns NULL (the caller fails with ENOMEM). */
    public boolean kzallocFails() {
        return fails(AllocKind.KZALLOC);
    }

    /** Whether the armed allocation failed since the last call; clears the flag. */
    public boolean takeFired() {
        boolean f = fired;
        fired = false;
        return f;
    }
}
