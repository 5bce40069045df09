package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.List;
import java.util.Optional;

/** The terminal's VoLTE switch, network type, account and phone number (type 4). */
public record NetworkInfo(Optional<String> volte, Optional<String> netType, Optional<String> account, Optional<String> phoneNum)
        implements TerminalInfo {

    public NetworkInfo {
        volte = TerminalInfo.value(volte);
        netType = TerminalInfo.value(netType);
        account = TerminalInfo.value(account);
        phoneNum = TerminalInfo.value(phoneNum);
    }

    /** From text; null or {@code NULL} for no information. */
    public static NetworkInfo of(String volte, String netType, String account, String phoneNum) {
        return new NetworkInfo(TerminalInfo.value(volte), TerminalInfo.value(netType), TerminalInfo.value(account),
                TerminalInfo.value(phoneNum));
    }

    @Override
    public TerminalInfoType type() {
        return TerminalInfoType.NETWORK;
    }

    @Override
    public List<Optional<String>> values() {
        return List.of(volte, netType, account, phoneNum);
    }
}
