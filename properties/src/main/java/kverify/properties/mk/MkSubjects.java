package kverify.properties.mk;

import kverify.impl.mk.MkImplKernel;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.Machine;
import kverify.model.mk.MkKernel;
import kverify.model.mk.reference.ReferenceMk;

/** The one place the properties get their subjects: the reference model and each variant, as the contract. */
public final class MkSubjects {
    private MkSubjects() {
    }

    public static MkKernel model(Machine m) {
        return new ReferenceMk(m);
    }

    public static MkKernel impl(MkVariant variant, Machine m) {
        return MkImplKernel.create(variant, m);
    }
}
