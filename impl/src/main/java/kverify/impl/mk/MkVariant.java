package kverify.impl.mk;

import java.util.function.Supplier;

/**
 * The implementations under test, each a set of small strategies. AS_POSTED is RFC 1/7 exactly;
 * IMAGE_TRACKING is 1/7 plus 6/7's list of multikernel images; CORRECTED keeps the contract.
 */
public enum MkVariant {
    AS_POSTED(FlagRules.AS_POSTED, ImageTyping.BY_FLAG, Placement.AS_POSTED, SegmentWriter.AS_POSTED, ImageStore.Slot::new,
            StartSteps.AS_POSTED, RebootRules.AS_POSTED),
    IMAGE_TRACKING(FlagRules.AS_POSTED, ImageTyping.BY_FLAG, Placement.AS_POSTED, SegmentWriter.AS_POSTED, ImageList::new,
            StartSteps.AS_POSTED, RebootRules.AS_POSTED),
    CORRECTED(FlagRules.CORRECTED, ImageTyping.BY_FLAG, Placement.CORRECTED, SegmentWriter.CORRECTED, ImageStore.Corrected::new,
            StartSteps.CORRECTED, RebootRules.CORRECTED);

    final FlagRules flags;
    final ImageTyping typing;
    final Placement placement;
    final SegmentWriter writer;
    final Supplier<ImageStore> store;
    final StartSteps start;
    final RebootRules reboot;

    /** The names of the atomic steps this variant's start path is split into, in order. */
    public java.util.List<String> startStepNames() {
        // Building the steps runs none of them, so any machine will do.
        KState scratch = new KState(kverify.model.mk.ExampleMachines.fourCpus(), store.get());
        return start.steps(scratch, 1, 0).stream().map(StartSteps.StartStep::name).toList();
    }

    MkVariant(FlagRules flags, ImageTyping typing, Placement placement, SegmentWriter writer, Supplier<ImageStore> store, StartSteps start,
            RebootRules reboot) {
        this.flags = flags;
        this.typing = typing;
        this.placement = placement;
        this.writer = writer;
        this.store = store;
        this.start = start;
        this.reboot = reboot;
    }
}
