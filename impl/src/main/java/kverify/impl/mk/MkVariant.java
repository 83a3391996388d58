package kverify.impl.mk;

import java.util.function.Supplier;
import kverify.model.mk.MkVersion;

/**
 * The implementations under test, each a version of the RFC and a kind, made of small
 * strategies. RFC v1: AS_POSTED is 1/7 exactly, IMAGE_TRACKING is 1/7 plus 6/7, CORRECTED keeps
 * the contract. RFC v2: V2_AS_POSTED is the 16 patches of 2025-10-18 on the interface they
 * use (instances, kexec_file_load, reboot by instance id), V2_CORRECTED keeps the contract on that
 * interface. Sources per strategy are in docs/versions-multikernel.md.
 */
public enum MkVariant {
    AS_POSTED(MkVersion.RFC_V1, Kind.AS_POSTED, FlagRules.AS_POSTED, ImageTyping.BY_FLAG, Placement.AS_POSTED,
            SegmentWriter.AS_POSTED, ImageStore.Slot::new, StartSteps.AS_POSTED, RebootRules.AS_POSTED, InstanceRules.NONE, FileLoadRules.BASE),
    IMAGE_TRACKING(MkVersion.RFC_V1, Kind.AS_POSTED, FlagRules.AS_POSTED, ImageTyping.BY_FLAG, Placement.AS_POSTED,
            SegmentWriter.AS_POSTED, ImageList::new, StartSteps.AS_POSTED, RebootRules.AS_POSTED, InstanceRules.NONE, FileLoadRules.BASE),
    CORRECTED(MkVersion.RFC_V1, Kind.CORRECTED, FlagRules.CORRECTED, ImageTyping.BY_FLAG, Placement.CORRECTED,
            SegmentWriter.CORRECTED, ImageStore.Corrected::new, StartSteps.CORRECTED, RebootRules.CORRECTED, InstanceRules.NONE,
            FileLoadRules.BASE),
    V2_AS_POSTED(MkVersion.RFC_V2, Kind.AS_POSTED, FlagRules.AS_POSTED, ImageTyping.NONE, Placement.AS_POSTED,
            SegmentWriter.AS_POSTED, ImageList::new, StartSteps.V2_AS_POSTED, RebootRules.AS_POSTED, InstanceRules.POSTED,
            FileLoadRules.V2_POSTED),
    V2_CORRECTED(MkVersion.RFC_V2, Kind.CORRECTED, FlagRules.V2_CORRECTED, ImageTyping.BY_FLAG, Placement.CORRECTED,
            SegmentWriter.CORRECTED, ImageStore.Corrected::new, StartSteps.V2_CORRECTED, RebootRules.CORRECTED, InstanceRules.CORRECTED,
            FileLoadRules.V2_CORRECTED);

    /** What a variant is: the code as posted, a reviewer's suggestion, or the contract kept. */
    public enum Kind { AS_POSTED, REVIEW_SUGGESTION, CORRECTED }

    final MkVersion version;
    final Kind kind;
    final FlagRules flags;
    final ImageTyping typing;
    final Placement placement;
    final SegmentWriter writer;
    final Supplier<ImageStore> store;
    final StartSteps start;
    final RebootRules reboot;
    final InstanceRules instances;
    final FileLoadRules fileLoad;

    MkVariant(MkVersion version, Kind kind, FlagRules flags, ImageTyping typing, Placement placement, SegmentWriter writer,
            Supplier<ImageStore> store, StartSteps start, RebootRules reboot, InstanceRules instances, FileLoadRules fileLoad) {
        this.version = version;
        this.kind = kind;
        this.flags = flags;
        this.typing = typing;
        this.placement = placement;
        this.writer = writer;
        this.store = store;
        this.start = start;
        this.reboot = reboot;
        this.instances = instances;
        this.fileLoad = fileLoad;
    }

    public MkVersion version() {
        return version;
    }

    public Kind kind() {
        return kind;
    }

    /** The contract-keeping variant of this variant's version. */
    public MkVariant corrected() {
        return version == MkVersion.RFC_V2 ? V2_CORRECTED : CORRECTED;
    }

    /** The names of the atomic steps this variant's start path is split into, in order. */
    public java.util.List<String> startStepNames() {
        // Building the steps runs none of them, so any machine will do.
        KState scratch = new KState(kverify.model.mk.ExampleMachines.fourCpus(), store.get());
        return start.steps(scratch, 1, 0).stream().map(StartSteps.StartStep::name).toList();
    }
}
