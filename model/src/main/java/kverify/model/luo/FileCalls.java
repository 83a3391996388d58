package kverify.model.luo;

/**
 * How often a handler's callbacks ran for one file of the kernel running now. A file is named by
 * where it came from: {@code file#N} for the N-th file user space made in this kernel (from 1),
 * {@code 'session'#I} for entry I of an incoming session's deserialized list (and the file its
 * retrieve makes). With these the state says what a lifecycle promise needs: a failed reboot
 * unfreezes every file it froze exactly once, and no handler is called for a file it no longer
 * owns.
 */
public record FileCalls(String file, int preserve, int freeze, int unfreeze, int unpreserve, int retrieve, int finish) {

    public static FileCalls none(String file) {
        return new FileCalls(file, 0, 0, 0, 0, 0, 0);
    }

    public boolean isEmpty() {
        return preserve + freeze + unfreeze + unpreserve + retrieve + finish == 0;
    }

    /** One more call of the named callback. */
    public FileCalls plus(HandlerCall call) {
        return switch (call) {
            case PRESERVE -> new FileCalls(file, preserve + 1, freeze, unfreeze, unpreserve, retrieve, finish);
            case FREEZE -> new FileCalls(file, preserve, freeze + 1, unfreeze, unpreserve, retrieve, finish);
            case UNFREEZE -> new FileCalls(file, preserve, freeze, unfreeze + 1, unpreserve, retrieve, finish);
            case UNPRESERVE -> new FileCalls(file, preserve, freeze, unfreeze, unpreserve + 1, retrieve, finish);
            case RETRIEVE -> new FileCalls(file, preserve, freeze, unfreeze, unpreserve, retrieve + 1, finish);
            case FINISH -> new FileCalls(file, preserve, freeze, unfreeze, unpreserve, retrieve, finish + 1);
        };
    }

    /** The callbacks of struct liveupdate_file_ops that change a file's state. */
    public enum HandlerCall {
        PRESERVE, FREEZE, UNFREEZE, UNPRESERVE, RETRIEVE, FINISH
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file).append('{');
        int[] n = {preserve, freeze, unfreeze, unpreserve, retrieve, finish};
        HandlerCall[] c = HandlerCall.values();
        for (int i = 0; i < n.length; i++) {
            if (n[i] != 0) {
                sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : " ").append(c[i].name().toLowerCase(java.util.Locale.ROOT))
                        .append(n[i] == 1 ? "" : "x" + n[i]);
            }
        }
        return sb.append('}').toString();
    }
}
