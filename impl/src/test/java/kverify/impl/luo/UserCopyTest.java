package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.luo.UserArg;
import org.junit.jupiter.api.Test;

/**
 * copy_struct_from_user on its own, hand-written (include/linux/uaccess.h): a user struct larger
 * than the kernel's must be mapped and zero past the kernel's size (EFAULT, E2BIG), a smaller one
 * is copied and the rest of the kernel struct zeroed, whatever the buffer held before.
 */
class UserCopyTest {
    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void aSmallerUserStructIsCopiedAndTheRestZeroed() {
        byte[] dst = filled(8, 0x55);
        assertThat(UserCopy.copyStructFromUser(dst, new UserArg(new byte[] {1, 2, 3, 4}, false), 4)).isEmpty();
        assertThat(dst).containsExactly(1, 2, 3, 4, 0, 0, 0, 0);
    }

    @Test
    void aLargerUserStructMustBeMappedAndZeroPastTheKernelsSize() {
        byte[] user = new byte[12];
        user[0] = 7;
        byte[] dst = filled(8, 0x55);
        assertThat(UserCopy.copyStructFromUser(dst, new UserArg(user, false), 12)).isEmpty();
        assertThat(dst).containsExactly(7, 0, 0, 0, 0, 0, 0, 0);
        assertThat(UserCopy.copyStructFromUser(new byte[8], new UserArg(new byte[10], false), 12)).contains(Errno.EFAULT);
        user[10] = 1;
        assertThat(UserCopy.copyStructFromUser(new byte[8], new UserArg(user, false), 12)).contains(Errno.E2BIG);
        assertThat(UserCopy.copyStructFromUser(new byte[8], new UserArg(new byte[6], false), 8)).isEqualTo(Optional.of(Errno.EFAULT));
    }
}
