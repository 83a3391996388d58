package kverify.model.mk;

/**
 * Whether the running kernel is still there: NONE while it runs; REPLACED once a kexec reboot (or
 * a panic, into the crash kernel) jumped into an image; OOPS when a call crashed it; PANICKED when
 * a panic found no crash kernel. After a halt no further call runs.
 */
public record Halt(Kind kind, int imageId, String detail) {
    public enum Kind { NONE, REPLACED, OOPS, PANICKED }

    public static final Halt RUNNING = new Halt(Kind.NONE, 0, "");

    public static Halt replacedBy(ImageInfo image) {
        return new Halt(Kind.REPLACED, image.id(), "machine_kexec into " + image.type() + " image #" + image.id());
    }

    /** A panic with no crash kernel to boot: the machine stops. */
    public static final Halt PANICKED = new Halt(Kind.PANICKED, 0, "panic without a crash kernel");

    public static Halt oops(int imageId, String why) {
        return new Halt(Kind.OOPS, imageId, why);
    }

    public boolean halted() {
        return kind != Kind.NONE;
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "running" : kind + ": " + detail;
    }
}
