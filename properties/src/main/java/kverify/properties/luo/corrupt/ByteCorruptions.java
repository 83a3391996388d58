package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import kverify.engine.Gen;
import kverify.model.luo.image.HandoverImage;

/** Corruptions of raw bytes in any preserved folio: one flipped bit, or a page zeroed from an offset on. */
final class ByteCorruptions {
    private ByteCorruptions() {
    }

    private static Gen<Long> folio(ImageMap m) {
        return Gen.elements(new ArrayList<>(m.img.preserved().keySet()));
    }

    /** Offsets inside the part of a folio the blocks use; a third of the time inside a header. */
    private static Gen<Long> offset(ImageMap m, long folio) {
        long used = Math.min(HandoverImage.folioBytes(m.img.preserved().get(folio)),
                Math.max(m.g.sessionBlockBytes(), m.g.fileBlockBytes()));
        return Gen.frequency(Gen.weighted(1, Gen.longs(0, 15)), Gen.weighted(2, Gen.longs(0, used - 1)));
    }

    static Gen<Corruption> bitFlip(CorruptionKind k, ImageMap m, Target t) {
        return folio(m).flatMap(f -> Gen.zip(offset(m, f), Gen.ints(0, 7), (off, bit) -> {
            long pa = f + off;
            byte flipped = (byte) (m.img.bytes(pa, 1)[0] ^ (1 << bit));
            return new Corruption.WriteBytes(k, pa, "bit " + bit + " of the byte", new byte[] {flipped});
        }));
    }

    /** The page holding the chosen offset keeps its first bytes; the rest of the page reads zero. */
    static Gen<Corruption> truncate(CorruptionKind k, ImageMap m, Target t) {
        return folio(m).flatMap(f -> offset(m, f).map(off -> {
            long pa = f + off;
            int keep = (int) (pa % HandoverImage.PAGE_SIZE);
            return new Corruption.WriteBytes(k, pa, "page tail zeroed from page offset " + keep, new byte[HandoverImage.PAGE_SIZE - keep]);
        }));
    }
}
