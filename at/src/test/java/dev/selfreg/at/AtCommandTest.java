package dev.selfreg.at;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.at.Param.Quoting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtCommandTest {

    /** A command whose test form is read off its signature, on one line or a line per selector value. */
    private static final class Derived extends AtCommand<Void> {
        private final Signature signature;
        private final boolean bySelectorValue;

        Derived(Signature signature, boolean bySelectorValue) {
            super("+DERIVED");
            this.signature = signature;
            this.bySelectorValue = bySelectorValue;
        }

        @Override
        public Signature signature() {
            return signature;
        }

        @Override
        public AtResponse test(Void context) {
            return bySelectorValue ? testFromSignatureBySelectorValue() : testFromSignature();
        }
    }

    private static final Signature TYPED = Signature.select(Param.integer("type", 0, 2), Map.of(
            0, Signature.of(Param.integer("mode", 0, 1)),
            2, Signature.of(Param.string("name", 1, 9, Quoting.REQUIRED))));

    @Test
    void aTestFormFromTheSignatureIsOneLineNamedAfterTheCommand() {
        AtResponse answer = new Derived(Signature.of(Param.integer("mode", 0, 2)), false).test(null);

        assertThat(answer.isOk()).isTrue();
        assertThat(answer.lines()).containsExactly("+DERIVED: (0-2)");
    }

    @Test
    void aSelectorsTestFormBySelectorValueHasALinePerValueNamedAfterTheCommand() {
        assertThat(new Derived(TYPED, true).test(null).lines()).containsExactly("+DERIVED: 0,(0,1)", "+DERIVED: 2,<name>");
        assertThat(new Derived(TYPED, false).test(null).lines()).containsExactly("+DERIVED: (0,2)");
    }
}
