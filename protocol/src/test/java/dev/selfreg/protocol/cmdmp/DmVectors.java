package dev.selfreg.protocol.cmdmp;

/** The test vectors of cmcc-dm-wire.md, "Test vectors". */
final class DmVectors {
    static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    static final String IMEI = "869999000000001";
    static final String IMSI = "460041234567890";
    static final String APP_KEY = "M100000000";
    static final String EP = "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx@#@M100000000"
            + "@#@869999000000001@#@v2.0";
    static final String EP_IDENTITY = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx";
    static final String EPI = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKweAUOw4IHmdNHyggaZ08qTS";
    static final String EPI_FULL = "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKweAUOw4IHmdNHyggaZ08qTS@#@M100000000"
            + "@#@869999000000001@#@v2.0";
    /** enc("869999000000001-****-460041234567890-V2.0"), the upper-case dialect. */
    static final String EP_IDENTITY_UPPER_CASE = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwfsXY2Nqlttshz2GYz7FlW+";
    /** enc("869999000000001-****-460041234567890"), the 3-field dialect of an Update. */
    static final String EPI_THREE_FIELDS = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdh9Ucghg917ox+82O386JI";
    /** enc("869999000000001-****-460041234567890-v2.0") with the empty-password key (32 × 0 hashed). */
    static final String EP_IDENTITY_EMPTY_PASSWORD = "40DnZGgRkfHl5wWUaqWAxL90Uu7UJzRiG64pcl2eRoiUR1efR4yjYryDtzTa/OX0";
    static final String ENC_NULL = "E+9ivOa9WdOotKJwyRchBg==";
    static final String ENC_4G = "w/oUl26NW7MaXD1kbgThkw==";
    static final String ENC_MAC = "7GdN80CuFPwN8EELgxtru3NPuwfA4Mp48284Y4d3MK0=";
    static final String MAC = "00:50:56:C0:00:01";

    static final DmCipher CIPHER = new DmCipher(PASSWORD);
    static final DmCipher WRONG_CIPHER = new DmCipher("0123456789ABCDEFGHIJKLMNOPQRSTUW");

    private DmVectors() {
    }
}
