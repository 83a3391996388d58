package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kverify.engine.Gen;
import kverify.impl.luo.layout.FileSer;
import kverify.properties.luo.corrupt.ImageMap.Entry;

/** Corruptions of session entries (names) and of their file sets and file entries. */
final class EntryCorruptions {
    static final String NAME = "luo_session_ser.name";
    static final String FILES = "luo_file_set_ser.files";
    static final String COUNT = "luo_file_set_ser.count";

    private EntryCorruptions() {
    }

    private static Gen<Entry> entry(ImageMap m) {
        return Gen.elements(nonEmpty(m.entries, "a session"));
    }

    /** The base image was built to satisfy the kind's needs; if it does not, the harness is wrong. */
    private static <T> List<T> nonEmpty(List<T> candidates, String what) {
        if (candidates.isEmpty()) {
            throw new IllegalStateException("harness: the valid image has no " + what + " although the corruption kind needs one");
        }
        return candidates;
    }

    /** The 64 name bytes all non-NUL: the name, then a filler byte up to the end of the field. */
    static Gen<Corruption> nameUnterminated(CorruptionKind k, ImageMap m, Target t) {
        return Gen.zip(entry(m), Gen.ints(1, 255, 'x'), (e, filler) -> {
            byte[] field = m.img.bytes(e.pa(), 64);
            int n = e.name().length();
            Arrays.fill(field, n, 64, (byte) (int) filler);
            return new Corruption.WriteBytes(k, e.pa(), NAME, field);
        });
    }

    /** The first byte NUL (the rest kept) or the whole field zero. */
    static Gen<Corruption> nameEmpty(CorruptionKind k, ImageMap m, Target t) {
        return Gen.zip(entry(m), Gen.booleans(), (e, whole) -> new Corruption.WriteBytes(k, e.pa(), NAME, new byte[whole ? 64 : 1]));
    }

    static Gen<Corruption> nameDuplicateInBlock(CorruptionKind k, ImageMap m, Target t) {
        return duplicate(k, m, true);
    }

    static Gen<Corruption> nameDuplicateAcrossBlocks(CorruptionKind k, ImageMap m, Target t) {
        return duplicate(k, m, false);
    }

    /** One entry's name field copied over another's, in the same block or in different blocks. */
    private static Gen<Corruption> duplicate(CorruptionKind k, ImageMap m, boolean sameBlock) {
        int[] blocks = m.entries.stream().mapToInt(Entry::block).toArray();
        return Pairs.of(blocks, sameBlock, sameBlock ? "two sessions in one block" : "sessions in two blocks").map(p -> {
            Entry to = m.entries.get(p[0]);
            Entry from = m.entries.get(p[1]);
            return new Corruption.WriteBytes(k, to.pa(), NAME + " (copied from 0x" + Long.toHexString(from.pa()) + ")", m.img.bytes(from.pa(), 64));
        });
    }

    private static Gen<Entry> withFiles(ImageMap m) {
        return Gen.elements(nonEmpty(m.entriesWithFiles(), "session with files"));
    }

    /** The file chain head: unpreserved, beyond RAM, unaligned, or inside a block. */
    static Gen<Corruption> fileSetDangling(CorruptionKind k, ImageMap m, Target t) {
        return Gen.zip(withFiles(m), m.danglingPointers(), (e, v) -> new Corruption.WriteU64(k, e.setPa(), FILES, v));
    }

    static Gen<Corruption> fileSetCountOversized(CorruptionKind k, ImageMap m, Target t) {
        Gen<Long> extra = Gen.frequency(Gen.weighted(3, Gen.longs(1, 1000, 127, 128)), Gen.weighted(1, Gen.elements(Long.MIN_VALUE, -1L)));
        return Gen.zip(withFiles(m), extra, (e, x) -> new Corruption.WriteU64(k, e.setPa() + 8, COUNT, e.fileEntries().size() + x));
    }

    static Gen<Corruption> fileSetZeroCount(CorruptionKind k, ImageMap m, Target t) {
        return withFiles(m).map(e -> new Corruption.WriteU64(k, e.setPa() + 8, COUNT + " (files pointer kept)", 0));
    }

    static Gen<Corruption> fileSetPointerCleared(CorruptionKind k, ImageMap m, Target t) {
        return withFiles(m).map(e -> new Corruption.WriteU64(k, e.setPa(), FILES + " (count kept)", 0));
    }

    /** The file chain head of another session, or a session block. */
    static Gen<Corruption> fileSetShared(CorruptionKind k, ImageMap m, Target t) {
        List<Long> heads = new ArrayList<>();
        m.entriesWithFiles().forEach(e -> heads.add(e.files().blocks().get(0)));
        heads.addAll(m.sessions.blocks());
        return withFiles(m).flatMap(e -> Gen.elements(heads.stream().filter(h -> h != e.files().blocks().get(0)).toList())
                .map(h -> new Corruption.WriteU64(k, e.setPa(), FILES, h)));
    }

    /** A file entry's compatible: an unregistered handler, empty, or 48 bytes without a NUL. */
    static Gen<Corruption> fileUnknownHandler(CorruptionKind k, ImageMap m, Target t) {
        List<Long> files = new ArrayList<>();
        m.entries.forEach(e -> files.addAll(e.fileEntries()));
        nonEmpty(files, "file");
        Gen<byte[]> compat = Gen.elements(field("kverify-test-z-v9"), field("kverify-test-a-v0"), field(""), unterminated());
        return Gen.zip(Gen.elements(files), compat, (pa, c) -> new Corruption.WriteBytes(k, pa, "luo_file_ser.compatible", c));
    }

    /** One file entry's token copied over another's of the same session (C11: a repeated token). */
    static Gen<Corruption> fileTokenDuplicate(CorruptionKind k, ImageMap m, Target t) {
        List<Long> files = new ArrayList<>();
        List<Integer> sessions = new ArrayList<>();
        List<Entry> withFiles = m.entriesWithFiles();
        for (int i = 0; i < withFiles.size(); i++) {
            for (long pa : withFiles.get(i).fileEntries()) {
                files.add(pa);
                sessions.add(i);
            }
        }
        return Pairs.of(sessions.stream().mapToInt(Integer::intValue).toArray(), true, "session with two files").map(p -> {
            long to = files.get(p[0]);
            long from = files.get(p[1]);
            return new Corruption.WriteBytes(k, to + FileSer.TOKEN_OFFSET, "luo_file_ser.token (copied from 0x" + Long.toHexString(from) + ")",
                    m.img.bytes(from + FileSer.TOKEN_OFFSET, Long.BYTES));
        });
    }

    private static byte[] field(String s) {
        return Arrays.copyOf(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 48);
    }

    private static byte[] unterminated() {
        byte[] b = new byte[48];
        Arrays.fill(b, (byte) 'k');
        return b;
    }
}
