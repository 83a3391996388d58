package kverify.properties.luo.corrupt;

import java.util.List;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.image.ImageVerdict;

/** One generated case, for tools that turn a shrunk counterexample into a finding file. */
public record CorruptedCase(String property, LuoVariant variant, BaseImages.Base base, List<Corruption> corruptions,
        Corrupted corrupted, ImageVerdict verdict, Observation observation) {
}
