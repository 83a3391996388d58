package kverify.model.mk;

import java.util.ArrayList;
import java.util.List;

/** Names of the kexec_load flag bits, for traces: {@code MULTIKERNEL|ON_CRASH|ARCH_X86_64|0x40}. */
public final class KexecFlags {
    private static final String[] NAMES = {"ON_CRASH", "PRESERVE_CONTEXT", "UPDATE_ELFCOREHDR", "CRASH_HOTPLUG_SUPPORT", "MULTIKERNEL"};
    private static final long[] BITS = {MkConst.KEXEC_ON_CRASH, MkConst.KEXEC_PRESERVE_CONTEXT,
        MkConst.KEXEC_UPDATE_ELFCOREHDR, MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT, MkConst.KEXEC_MULTIKERNEL};

    private KexecFlags() {
    }

    public static String format(long flags) {
        List<String> parts = new ArrayList<>();
        long rest = flags;
        for (int i = 0; i < NAMES.length; i++) {
            if ((rest & BITS[i]) != 0) {
                parts.add(NAMES[i]);
                rest &= ~BITS[i];
            }
        }
        if ((rest & MkConst.KEXEC_ARCH_MASK) == MkConst.KEXEC_ARCH_X86_64) {
            parts.add("ARCH_X86_64");
            rest &= ~MkConst.KEXEC_ARCH_X86_64;
        }
        if (rest != 0) {
            parts.add(Hex.hex(rest));
        }
        return parts.isEmpty() ? "0" : String.join("|", parts);
    }

    public static long parse(String text) {
        long flags = 0;
        for (String part : text.split("\\|")) {
            flags |= bit(part.trim());
        }
        return flags;
    }

    private static long bit(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return BITS[i];
            }
        }
        if (name.equals("ARCH_X86_64")) {
            return MkConst.KEXEC_ARCH_X86_64;
        }
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
            throw new IllegalArgumentException("unknown kexec flag '" + name + "'");
        }
        return Hex.parseLong(name);
    }

    public static boolean has(long flags, long bit) {
        return (flags & bit) != 0;
    }
}
