package eu.vigil.company;

final class Checksums {

    private Checksums() {}

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    static boolean belgianMod97Valid(String tenDigits) {
        int body = Chars.toInt(tenDigits, 0, 8);
        int check = Chars.toInt(tenDigits, 8, 10);
        return check == 97 - body % 97;
    }

    static int frenchVatKey(int siren) {
        // (SIREN * 100 + 12) mod 97, kept in int range because 100 ≡ 3 (mod 97)
        return (12 + 3 * (siren % 97)) % 97;
    }

    static boolean iso7064Mod11Radix10Valid(String digits) {
        int product = 10;
        int last = digits.length() - 1;
        for (int i = 0; i < last; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        return (11 - product) % 10 == digits.charAt(last) - '0';
    }

    static boolean luxembourgMod89Valid(String eightDigits) {
        return Chars.toInt(eightDigits, 0, 6) % 89 == Chars.toInt(eightDigits, 6, 8);
    }

    static int iso7064Mod97(String upperAlphanumeric) {
        int remainder = 0;
        for (int i = 0; i < upperAlphanumeric.length(); i++) {
            char c = upperAlphanumeric.charAt(i);
            remainder = c <= '9' ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    static boolean elfproefValid(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
