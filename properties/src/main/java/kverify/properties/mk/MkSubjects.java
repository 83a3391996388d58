package kverify.properties.mk;

import kverify.impl.mk.MkImplKernel;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.Machine;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkVersion;
import kverify.model.mk.reference.ReferenceMk;

/** The one place the properties get their subjects: the reference model and each variant, as the contract. */
public final class MkSubjects {
    private MkSubjects() {
    }

    /** The contract on RFC v1's interface. */
    public static MkKernel model(Machine m) {
        return new ReferenceMk(m);
    }

    /** The contract on the interface of {@code version}. */
    public static MkKernel model(Machine m, MkVersion version) {
        return new ReferenceMk(m, version);
    }

    /** The model (on the variant's interface) against one variant. */
    public static MkDuel duel(MkVariant variant, Machine m) {
        return new MkDuel(model(m, variant.version()), impl(variant, m));
    }

    public static MkKernel impl(MkVariant variant, Machine m) {
        return MkImplKernel.create(variant, m);
    }
}
