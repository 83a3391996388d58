package kverify.impl.luo;

/** One block header the next kernel read while walking the handover: a session or a file block, and where. */
public record WalkVisit(boolean sessionBlock, long pa) {
}
