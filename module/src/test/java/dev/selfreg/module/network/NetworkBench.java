package dev.selfreg.module.network;

import dev.selfreg.time.VirtualClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;

/**
 * A module's network on a virtual clock, registered as the clock's quiescence, with every
 * transmission and every outcome recorded with its module time.
 */
final class NetworkBench implements AutoCloseable {

    /** An outcome and the module time it was reported at. */
    record Ended(CoapOutcome outcome, Duration at) {
    }

    final VirtualClock clock = new VirtualClock();
    final ModuleNetwork network;
    final List<Transmission> transmissions = new CopyOnWriteArrayList<>();
    final List<Ended> outcomes = new CopyOnWriteArrayList<>();

    NetworkBench(LabNetwork lab) {
        this(lab, 42);
    }

    NetworkBench(LabNetwork lab, long seed) {
        network = new ModuleNetwork(lab, clock, seed, "bench");
        network.onTransmission(transmissions::add);
        clock.addQuiescence(network);
    }

    /** A lab with both services at {@code ct} and {@code dm} and the carriers' routes. */
    static LabNetwork lab(InetSocketAddress ct, InetSocketAddress dm) {
        return LabNetwork.isolated().withEndpoint(LabService.CT, ct).withEndpoint(LabService.DM, dm)
                .withRoute("zzhc.vnet.cn", LabService.CT).withRoute("m.fxlttsbl.com", LabService.DM);
    }

    /** A POST to {@code service}'s destination with {@code schedule}, outcome recorded. */
    ConfirmableExchange post(LabService service, RetransmissionSchedule schedule) {
        return post(service, schedule, PortUnreachable.ENDS_EXCHANGE);
    }

    /** A POST like {@link #post(LabService, RetransmissionSchedule)} with its ICMP policy. */
    ConfirmableExchange post(LabService service, RetransmissionSchedule schedule, PortUnreachable portUnreachable) {
        Request request = new Request(Code.POST);
        request.getOptions().addUriPath("nb");
        request.setPayload("report");
        Destination to = new Destination(service == LabService.CT ? "zzhc.vnet.cn" : "m.fxlttsbl.com", Optional.of(service));
        return network.send(to, request, schedule, portUnreachable,
                outcome -> outcomes.add(new Ended(outcome, clock.elapsed())));
    }

    /** Module times of the transmissions, in seconds. */
    List<Double> sendSeconds() {
        return transmissions.stream().map(t -> t.at().toNanos() / 1e9).toList();
    }

    List<Transmission.Fate> fates() {
        return transmissions.stream().map(Transmission::fate).toList();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        network.close();
    }
}
