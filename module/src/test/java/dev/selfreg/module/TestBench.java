package dev.selfreg.module;

import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.nvram.NvramStore;
import dev.selfreg.time.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A host's desk with one emulated unit on it: a virtual clock, an NVRAM, the module, and the
 * bytes that came back over the UART.
 */
public final class TestBench {

    public final VirtualClock clock = new VirtualClock();
    public final NvramStore nvram;
    public final Bc260yModule module;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    public TestBench() {
        this(ModuleProfile.standard());
    }

    public TestBench(ModuleProfile profile) {
        this(profile, new MemoryNvramStore());
    }

    public TestBench(ModuleProfile profile, NvramStore nvram) {
        this(profile, nvram, LabNetwork.isolated());
    }

    /** A unit whose radio network is {@code lab}; close its module to release its sockets. */
    public TestBench(ModuleProfile profile, NvramStore nvram, LabNetwork lab) {
        this.nvram = nvram;
        this.module = new Bc260yModule(profile, clock, nvram, lab);
        module.connectHost(wire::writeBytes);
        module.powerOn();
    }

    /** Sends raw text and returns every byte the module sent since the last call. */
    public synchronized String type(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        module.receiveFromHost(bytes, 0, bytes.length);
        return takeOutput();
    }

    /**
     * Wakes a sleeping unit as a host does: one byte, which the UART loses; returns what the
     * module sent (its wake-up URCs).
     */
    public String wake() {
        return type("\r");
    }

    /**
     * Sends one command line with echo off (as the seed's examples show them). Like a host driver,
     * it first wakes a unit in deep sleep with a byte the UART loses, and leaves the wake-up URCs
     * out of the answer; {@link #type} shows the raw behaviour.
     */
    public String at(String line) {
        if (module.power() == Power.DEEP_SLEEP) {
            wake();
        }
        if (!echoOff) {
            type("ATE0\r");
            echoOff = true;
        }
        return type(line + "\r");
    }

    private boolean echoOff;

    /** Brings the unit into a state over AT, as a host would: each line must answer exactly {@code OK}. */
    public void given(String... lines) {
        for (String line : lines) {
            String answer = at(line);
            if (!answer.equals(framed("OK"))) {
                throw new AssertionError("set-up " + line + " answered " + answer.strip());
            }
        }
    }

    /** Everything the module sent since the last read (URCs included). */
    public synchronized String takeOutput() {
        String text = wire.toString(StandardCharsets.UTF_8);
        wire.reset();
        return text;
    }

    /** Lets module time pass. */
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Reboots with {@code AT+QRST=1} and drops what it printed; echo is on again afterwards. */
    public void reboot() {
        at("AT+QRST=1");
        echoOff = false;
        takeOutput();
    }

    /** Forgets the echo setting after a boot the test caused by other means. */
    public void booted() {
        echoOff = false;
        takeOutput();
    }

    /** What the unit prints when it attaches: {@code +IP: <its address>} (research §4). */
    public String addressUrc() {
        return framed(Bc260yFacts.ADDRESS_URC + module.attach().address().orElseThrow(() -> new AssertionError("not attached")));
    }

    /** What a unit with a SIM prints when a boot completes (research §4). */
    public static final String BOOT_URCS = framed("RDY", "+CFUN: 1", "+CPIN: READY");
    /** {@code +QNBIOTEVENT} as the module prints it on entering deep sleep ({@code AT+QCFG="dsevent",1}). */
    public static final String ENTER_DEEP_SLEEP = framed("+QNBIOTEVENT: \"ENTER DEEPSLEEP\"");
    /** {@code +QNBIOTEVENT} as the module prints it on leaving deep sleep ({@code AT+QCFG="dsevent",1}). */
    public static final String EXIT_DEEP_SLEEP = framed("+QNBIOTEVENT: \"EXIT DEEPSLEEP\"");

    /** How the module frames response lines: {@code <CR><LF>line<CR><LF>} each. */
    public static String framed(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("\r\n").append(line).append("\r\n");
        }
        return out.toString();
    }
}
