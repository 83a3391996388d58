package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import kverify.model.luo.image.HandoverImage;

/** An image and the changes made to it so far, in order. */
public record Corrupted(HandoverImage image, List<Change> changes) {
    public Corrupted {
        changes = List.copyOf(changes);
    }

    public static Corrupted of(HandoverImage valid) {
        return new Corrupted(valid, List.of());
    }

    Corrupted then(HandoverImage next, Change change) {
        return then(next, List.of(change));
    }

    Corrupted then(HandoverImage next, List<Change> more) {
        List<Change> all = new ArrayList<>(changes);
        all.addAll(more);
        return new Corrupted(next, all);
    }
}
