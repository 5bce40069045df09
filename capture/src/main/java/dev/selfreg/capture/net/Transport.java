package dev.selfreg.capture.net;

/** The IP transports selfreg follows. */
public enum Transport {
    UDP(17),
    TCP(6);

    private final int protocolNumber;

    Transport(int protocolNumber) {
        this.protocolNumber = protocolNumber;
    }

    /** The IP protocol number. */
    public int protocolNumber() {
        return protocolNumber;
    }
}
