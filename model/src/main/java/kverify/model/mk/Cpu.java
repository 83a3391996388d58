package kverify.model.mk;

/**
 * One possible CPU (index below nr_cpu_ids) as firmware described it at boot.
 *
 * @param apicId       what cpu_present_to_apicid() returns for a present CPU; may exceed
 *                     the machine's max APIC id (then apic_id_valid() rejects it) or be BAD_APICID
 * @param present      cpu_present(); a CPU that is not present reports BAD_APICID
 * @param online       online in the running kernel at boot (implies present)
 * @param inPresentMap the APIC id is set in phys_cpu_present_map
 * @param wakeupStatus what the INIT/SIPI wake-up returns for this CPU: 0 on success, otherwise
 *                     the positive send_status | accept_status of wakeup_secondary_cpu_via_init()
 */
public record Cpu(long apicId, boolean present, boolean online, boolean inPresentMap, int wakeupStatus) {
    public Cpu {
        if (online && !present) {
            throw new IllegalArgumentException("an online CPU must be present");
        }
        if (wakeupStatus < 0) {
            throw new IllegalArgumentException("wakeup status is 0 or positive, got " + wakeupStatus);
        }
        if (apicId < 0 || apicId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("APIC id is a u32, got " + apicId);
        }
    }
}
