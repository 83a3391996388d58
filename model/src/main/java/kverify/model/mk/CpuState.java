package kverify.model.mk;

/**
 * Who owns one possible CPU after a call: the running (host) kernel, nobody, or another kernel
 * started from a multikernel image ("guest"). {@code hostOnline} is what the host's
 * cpu_online_mask says; in a consistent machine it is true exactly when the owner is HOST.
 */
public record CpuState(Owner owner, int imageId, ImageType imageType, boolean hostOnline) {
    public enum Owner { HOST, NONE, GUEST }

    public static CpuState host() {
        return new CpuState(Owner.HOST, 0, null, true);
    }

    public static CpuState none() {
        return new CpuState(Owner.NONE, 0, null, false);
    }

    public static CpuState guest(ImageInfo image) {
        return new CpuState(Owner.GUEST, image.id(), image.type(), false);
    }

    public CpuState withHostOnline(boolean online) {
        return new CpuState(owner, imageId, imageType, online);
    }

    @Override
    public String toString() {
        String who = owner == Owner.GUEST ? "guest#" + imageId + "(" + imageType + ")" : owner.name().toLowerCase(java.util.Locale.ROOT);
        boolean consistent = hostOnline == (owner == Owner.HOST);
        return consistent ? who : who + "+host-online=" + hostOnline;
    }
}
