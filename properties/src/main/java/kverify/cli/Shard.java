package kverify.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One slice of a campaign, {@code --shard K/N}: of the campaign's properties in catalog order (and
 * of the power runs, seed by seed, property by property) shard K holds every N-th one starting
 * at the K-th. Round robin rather than contiguous blocks, because the catalog groups properties
 * of similar cost: each shard gets a share of every subsystem.
 */
record Shard(int index, int count) {

    static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                Shard s = new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                if (s.count >= 1 && s.index >= 1 && s.index <= s.count) {
                    return s;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError("--shard takes K/N with 1 <= K <= N (e.g. 2/4), got '" + text + "'");
    }

    /** The items of this slice, in their order. */
    <T> List<T> slice(List<T> all) {
        List<T> out = new ArrayList<>();
        for (int i = index - 1; i < all.size(); i += count) {
            out.add(all.get(i));
        }
        return out;
    }

    String label() {
        return index + "/" + count;
    }
}
