package kverify.model.mk;

/**
 * The posted versions of the multikernel RFC, with the user interface each one speaks. The
 * reference model follows the interface of the version it is compared with; the promises are
 * the same (docs/versions-multikernel.md says where the interfaces differ and what the contract
 * accepts for each).
 */
public enum MkVersion {
    /** "[RFC Patch 1/7] kexec: Introduce multikernel support via kexec", 2025-09-18 (and 6/7): kexec_load, reboot by CPU. */
    RFC_V1("RFC v1"),
    /** "[RFC Patch v2 01/16] kexec: Introduce multikernel support via kexec", 2025-10-18: instances, kexec_file_load, reboot by instance id. */
    RFC_V2("RFC v2");

    private final String label;

    MkVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
