package kverify.impl.luo;

/**
 * The version of the LUO series a variant reproduces (docs/versions-luo.md section 1): v1 as
 * posted in April 2026 (patches 1/5 and 2/5), and v7 as applied to the liveupdate tree's next
 * branch on 2026-06-03 (torvalds/linux 637315cb400eed1dbe721954fea437a61a2d65b2). A version fixes
 * how the handover is rooted in KHO; the rest of what differs is in each variant's strategies.
 */
public enum LuoVersion {
    V1(HandoverRoot.FDT_NODE, kverify.model.luo.image.ImageVersion.V1),
    V7(HandoverRoot.LUO_SUBTREE, kverify.model.luo.image.ImageVersion.V7);

    private final HandoverRoot root;
    private final kverify.model.luo.image.ImageVersion image;

    LuoVersion(HandoverRoot root, kverify.model.luo.image.ImageVersion image) {
        this.root = root;
        this.image = image;
    }

    /** The handover this version writes, as images name it (and its KHO root compatible). */
    public kverify.model.luo.image.ImageVersion image() {
        return image;
    }

    public static LuoVersion of(kverify.model.luo.image.ImageVersion v) {
        return v == kverify.model.luo.image.ImageVersion.V1 ? V1 : V7;
    }

    public HandoverRoot root() {
        return root;
    }

    /** The named geometries of this version: v1's two block sizes, v7's one KHO_BLOCK_SIZE. */
    public java.util.List<kverify.model.luo.LuoGeometry> geometries() {
        return this == V1 ? kverify.model.luo.LuoGeometry.named() : kverify.model.luo.LuoV7Geometry.named();
    }

    /** Whether this version can run at g: v7 needs one block size; v1 runs anywhere but at v7's named geometries. */
    public boolean fits(kverify.model.luo.LuoGeometry g) {
        return this == V7 ? kverify.model.luo.LuoV7Geometry.fits(g) : !kverify.model.luo.LuoV7Geometry.named().contains(g);
    }
}
