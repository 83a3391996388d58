package kverify.model.mk;

/** Names of reboot commands for traces; other values print as hex. */
public final class RebootCommands {
    private RebootCommands() {
    }

    public static String name(int cmd) {
        if (cmd == MkConst.LINUX_REBOOT_CMD_MULTIKERNEL) {
            return "MULTIKERNEL";
        } else if (cmd == MkConst.LINUX_REBOOT_CMD_KEXEC) {
            return "KEXEC";
        } else if (cmd == MkConst.LINUX_REBOOT_CMD_CAD_ON) {
            return "CAD_ON";
        } else if (cmd == MkConst.LINUX_REBOOT_CMD_CAD_OFF) {
            return "CAD_OFF";
        }
        return String.format("0x%08x", cmd);
    }

    public static int parse(String text) {
        switch (text) {
            case "MULTIKERNEL":
                return MkConst.LINUX_REBOOT_CMD_MULTIKERNEL;
            case "KEXEC":
                return MkConst.LINUX_REBOOT_CMD_KEXEC;
            case "CAD_ON":
                return MkConst.LINUX_REBOOT_CMD_CAD_ON;
            case "CAD_OFF":
                return MkConst.LINUX_REBOOT_CMD_CAD_OFF;
            default:
                if (!text.startsWith("0x")) {
                    throw new IllegalArgumentException("unknown reboot command '" + text + "'");
                }
                return Hex.parseInt(text);
        }
    }
}
