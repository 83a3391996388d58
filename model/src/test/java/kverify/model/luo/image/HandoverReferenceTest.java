package kverify.model.luo.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionImage;
import kverify.model.luo.reference.HandoverReference;
import org.junit.jupiter.api.Test;

/**
 * The contract decoder on hand-written images (small geometry: 3 sessions and 3 files per block,
 * 4 blocks): one valid handover, then one minimal image for every rejection. Hand-written unit
 * tests, not findings.
 */
class HandoverReferenceTest {
    private static final long A = 0x100000;
    private static final long B = 0x101000;
    private static final long F = 0x102000;
    private static final long F2 = 0x103000;

    /** Block A: "a" (file chain F with one file) and "b" (no files); F: one file. */
    private static HandoverImage valid() {
        return image(A, Map.of(A, 0, F, 0), writes(
                A, header(0, 2), A + 16, entry("a", F, 1), A + 96, entry("b", 0, 0),
                F, header(0, 1), F + 16, file("kverify-test-a-v1", 7, 42)));
    }

    @Test
    void aValidHandoverIsAcceptedWithItsSessionsAndOwnsItsBlocks() {
        ImageVerdict v = HandoverReference.decide(valid());
        assertThat(v.setup()).isEqualTo(Outcome.ok());
        assertThat(v.open()).contains(Outcome.ok());
        assertThat(v.sessions()).containsExactly(new SessionImage("a", List.of(new FileImage(42, HandlerKind.TEST_A, 7))),
                new SessionImage("b", List.of()));
        assertThat(v.sessionChain()).containsExactly(A);
        assertThat(v.owned()).containsExactly(A, F);
        assertThat(v.label()).isEqualTo("accepted");
    }

    @Test
    void fdtFaultsRejectAtSetupWithEinval() {
        HandoverImage img = valid();
        ImageFdt node = img.fdt().orElseThrow();
        expect(img.withFdt(Optional.empty()), Rejection.FDT_NODE_MISSING);
        expect(img.withFdt(Optional.of(new ImageFdt("luo", node.properties()))), Rejection.FDT_NODE_MISSING);
        expect(img.withFdt(Optional.of(node.with("compatible", ImageFdt.cString("luo-session-v2")))), Rejection.FDT_COMPATIBLE);
        expect(img.withFdt(Optional.of(node.with("compatible", ImageFdt.cString("luo-session-v3")))), Rejection.FDT_COMPATIBLE);
        expect(img.withFdt(Optional.of(node.with("compatible", ImageFdt.cString("luo-session-v5")))), Rejection.FDT_COMPATIBLE);
        expect(img.withFdt(Optional.of(node.with("compatible", "luo-session-v44\0".getBytes()))), Rejection.FDT_COMPATIBLE);
        expect(img.withFdt(Optional.of(new ImageFdt("luo-sessions", node.properties()))), Rejection.FDT_NODE_MISSING);
        // libfdt: a unit address after the name, and any string of the compatible list (the last NUL may be missing).
        assertThat(HandoverReference.decide(img.withFdt(Optional.of(new ImageFdt("luo-session@0", node.properties())))).isAccepted()).isTrue();
        assertThat(HandoverReference.decide(img.withFdt(Optional.of(node.with("compatible", "v3\0luo-session-v4".getBytes()))))
                .isAccepted()).isTrue();
        expect(img.withFdt(Optional.of(node.with(ImageFdt.HEAD_PROPERTY, null))), Rejection.FDT_HEAD_PROPERTY);
        expect(img.withFdt(Optional.of(node.with(ImageFdt.HEAD_PROPERTY, new byte[4]))), Rejection.FDT_HEAD_PROPERTY);
        assertThat(HandoverReference.decide(img.withFdt(Optional.empty())).setup()).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    @Test
    void aSessionPointerMustBeAPreservedBlockHeadReachedOnce() {
        expect(valid().withU64(A, 0x200000), Rejection.CHAIN_POINTER);
        expect(valid().withU64(A, A + 16), Rejection.CHAIN_POINTER);
        expect(valid().withU64(A, 1L << 40), Rejection.CHAIN_POINTER);
        expect(valid().withU64(A, -1L), Rejection.CHAIN_POINTER);
        expect(valid().with(Map.of(0x200000L, 1), new TreeMap<>()).withU64(A, 0x200000), Rejection.CHAIN_POINTER);
        expect(valid().withU64(A, A), Rejection.CHAIN_CYCLE);
        ImageVerdict v = HandoverReference.decide(valid().withU64(A, A));
        assertThat(v.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(v.open()).isEmpty();
    }

    @Test
    void theChainHoldsAtMostMaxBlocksBlocks() {
        HandoverImage four = chainOf(4);
        assertThat(HandoverReference.decide(four).isAccepted()).isTrue();
        ImageVerdict five = HandoverReference.decide(chainOf(5));
        assertThat(five.rejection()).contains(Rejection.CHAIN_TOO_LONG);
        assertThat(five.setup()).isEqualTo(Outcome.err(Errno.ENOSPC));
    }

    @Test
    void countsNamesAndDuplicatesRejectTheWholeHandoverAtOpen() {
        expect(valid().withU64(A + 8, 4), Rejection.COUNT_ABOVE_CAPACITY);
        expect(valid().withU64(A + 8, Long.MIN_VALUE), Rejection.COUNT_ABOVE_CAPACITY);
        byte[] noNul = new byte[64];
        java.util.Arrays.fill(noNul, (byte) 'x');
        expect(valid().withBytes(A + 16, noNul), Rejection.NAME_UNTERMINATED);
        expect(valid().withBytes(A + 16, new byte[1]), Rejection.NAME_EMPTY);
        expect(valid().withBytes(A + 96, new byte[] {'a', 0}), Rejection.NAME_DUPLICATE);
        ImageVerdict v = HandoverReference.decide(valid().withU64(A + 8, 4));
        assertThat(v.setup()).isEqualTo(Outcome.ok());
        assertThat(v.open()).contains(Outcome.err(Errno.EIO));
        assertThat(v.sessions()).isEmpty();
        assertThat(v.owned()).isEmpty();
    }

    @Test
    void fileSetsAndFileEntriesAreCheckedToo() {
        expect(valid().withU64(A + 16 + 64, 0x200000), Rejection.FILE_POINTER);
        expect(valid().withU64(A + 16 + 64, A), Rejection.FILE_BLOCK_REUSED);
        expect(valid().withU64(F, F), Rejection.FILE_BLOCK_REUSED);
        expect(valid().withU64(F + 8, 4), Rejection.FILE_COUNT_ABOVE_CAPACITY);
        expect(valid().withBytes(F + 16, file("kverify-test-z-v9", 7, 42)), Rejection.FILE_HANDLER);
        expect(valid().withU64(A + 16 + 72, 2), Rejection.FILE_SET_COUNT);
        expect(valid().withU64(F + 8, 0).withU64(A + 16 + 72, 0), Rejection.FILE_SET_COUNT);
        expect(valid().withU64(A + 16 + 64, 0), Rejection.FILE_SET_COUNT);
        HandoverImage twoFiles = valid().withU64(F + 8, 2).withU64(A + 16 + 72, 2).withBytes(F + 80, file("kverify-test-b-v1", 1, 42));
        expect(twoFiles, Rejection.FILE_TOKEN_DUPLICATE);
    }

    @Test
    void aSkippedBlockStaysReservedAndIsNotOwned() {
        HandoverImage img = valid().with(Map.of(B, 0), writes(B, header(0, 0)));
        ImageVerdict v = HandoverReference.decide(img);
        assertThat(v.isAccepted()).isTrue();
        assertThat(v.owned()).containsExactly(A, F);
        assertThat(HandoverReference.decide(img.withU64(A, B)).owned()).containsExactly(A, B, F);
        assertThat(HandoverReference.decide(img.withU64(A, F2)).rejection()).contains(Rejection.CHAIN_POINTER);
    }

    private static void expect(HandoverImage img, Rejection r) {
        ImageVerdict v = HandoverReference.decide(img);
        assertThat(v.rejection()).as(r.description()).contains(r);
        assertThat(v.sessions()).isEmpty();
    }

    private static HandoverImage chainOf(int n) {
        Map<Long, Integer> folios = new TreeMap<>();
        TreeMap<Long, byte[]> w = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            long pa = A + 0x1000L * i;
            folios.put(pa, 0);
            w.put(pa, header(i + 1 < n ? pa + 0x1000 : 0, 0));
        }
        return image(A, folios, w);
    }

    static HandoverImage image(long head, Map<Long, Integer> folios, Map<Long, byte[]> writes) {
        HandoverImage empty = new HandoverImage(LuoGeometry.SMALL, 1L << 36, Optional.of(ImageFdt.standard(head)), folios, Map.of());
        return empty.with(Map.of(), new TreeMap<>(writes));
    }

    static TreeMap<Long, byte[]> writes(Object... pairs) {
        TreeMap<Long, byte[]> out = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((Long) pairs[i], (byte[]) pairs[i + 1]);
        }
        return out;
    }

    static byte[] header(long next, long count) {
        return le(16).putLong(next).putLong(count).array();
    }

    static byte[] entry(String name, long files, long count) {
        ByteBuffer b = le(80);
        b.put(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return b.putLong(64, files).putLong(72, count).array();
    }

    static byte[] file(String compatible, long data, long token) {
        ByteBuffer b = le(64);
        b.put(compatible.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return b.putLong(48, data).putLong(56, token).array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
