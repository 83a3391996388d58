package kverify.properties.luo.corrupt;

/**
 * What a valid image must contain for a corruption kind to apply: blocks in the session chain
 * (the last one holding a session), sessions in the first block, blocks in one session's file
 * chain (with at least one file), and sessions that have files.
 */
record Needs(int sessionBlocks, int sessionsInFirstBlock, int fileBlocks, int sessionsWithFiles) {
    static final Needs NONE = new Needs(1, 0, 0, 0);

    static Needs chain(Target t, int blocks) {
        return t == Target.SESSIONS ? new Needs(blocks, 0, 0, 0) : new Needs(1, 0, Math.max(1, blocks), 1);
    }

    Needs max(Needs o) {
        return new Needs(Math.max(sessionBlocks, o.sessionBlocks), Math.max(sessionsInFirstBlock, o.sessionsInFirstBlock),
                Math.max(fileBlocks, o.fileBlocks), Math.max(sessionsWithFiles, o.sessionsWithFiles));
    }
}
