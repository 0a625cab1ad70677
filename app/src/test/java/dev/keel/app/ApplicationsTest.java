package dev.keel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.app.bank.BankApp;
import dev.keel.app.kv.KvApp;
import dev.keel.consensus.types.Hash;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationsTest {
    @Test
    void createsTheNamedApplication() {
        Application kv = Applications.create("kv", Map.of());
        assertInstanceOf(KvApp.class, kv);
        assertEquals("kv", kv.name());
        assertEquals(Hash.ZERO, kv.stateRoot());
        Application bank = Applications.create("bank", Map.of("demo_accounts", 3, "demo_balance", 10L));
        assertEquals("bank", bank.name());
        assertEquals(30, ((BankApp) bank).totalSupply());
    }

    @Test
    void rejectsUnknownNamesListingTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Applications.create("kvstore", Map.of()));
        assertEquals("app.name: unknown application 'kvstore' (known: kv, bank)", e.getMessage());
    }

    @Test
    void rejectsParamsKvDoesNotTake() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Applications.create("kv", Map.of("demo_accounts", 1, "accounts", Map.of())));
        assertEquals("app.accounts: unknown parameter (kv takes none)", e.getMessage());
    }

    @Test
    void bankParamErrorsPassThroughWithTheFieldName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Applications.create("bank", Map.of("demo_accounts", 1)));
        assertEquals("app.demo_balance: required with app.demo_accounts", e.getMessage());
    }

    @Test
    void resultConstantsAreSharedButCodesAreStillValidated() {
        assertSame(TxResult.ok(), TxResult.ok());
        assertSame(CheckResult.ok(0), CheckResult.ok(0));
        assertEquals(new CheckResult("ok", "", 5), CheckResult.ok(5));
        assertThrows(IllegalArgumentException.class, () -> TxResult.rejected("Bad-Code", ""));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.reject(TxResult.OK, "no reason"));
    }
}
