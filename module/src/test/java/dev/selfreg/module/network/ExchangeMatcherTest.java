package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfreg.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.junit.jupiter.api.Test;

/**
 * The exchange matcher alone, on a virtual clock, with no socket below it: what each message
 * from the lab does to the module's confirmable exchanges (RFC 7252 §4.2, §4.3, §5.2), what
 * the matcher answers, and when it resends.
 */
class ExchangeMatcherTest {

    /** 2 s, doubling, 2 resends: sends at 0, 2 and 6 s, gives up at 14 s. */
    private static final RetransmissionSchedule SHORT = new RetransmissionSchedule(Duration.ofSeconds(2), 1.0, 2.0, 2);
    private static final Destination CT = new Destination("zzhc.vnet.cn", Optional.of(LabService.CT));

    /** One transmission the matcher asked for, and when. */
    private record Sent(int mid, int number, Duration at) {
    }

    /** One outcome, and when it was reported. */
    private record Ended(CoapOutcome outcome, Duration at) {
    }

    private final VirtualClock clock = new VirtualClock();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Message> replies = new CopyOnWriteArrayList<>();
    private final List<Ended> outcomes = new CopyOnWriteArrayList<>();
    private final UdpDataParser parser = new UdpDataParser();
    private final ExchangeMatcher matcher = new ExchangeMatcher(clock, new Random(7),
            (exchange, number) -> sent.add(new Sent(exchange.mid(), number, clock.elapsed())),
            (service, datagram, what) -> replies.add(parser.parseMessage(datagram)), "test");

    private ConfirmableExchange post(Destination to, PortUnreachable portUnreachable) {
        return matcher.send(to, new Request(Code.POST), SHORT, portUnreachable,
                outcome -> outcomes.add(new Ended(outcome, clock.elapsed())));
    }

    private ConfirmableExchange post() {
        return post(CT, PortUnreachable.ENDS_EXCHANGE);
    }

    /** A message from {@code service}, handled on the clock as the network hands it up. */
    private void arrives(LabService service, Message message) {
        clock.schedule(Duration.ZERO, () -> matcher.receive(service, message));
        clock.runDue();
    }

    private static Response response(Type type, int mid, Token token) {
        Response response = new Response(ResponseCode.CONTENT);
        response.setType(type);
        response.setMID(mid);
        response.setToken(token);
        return response;
    }

    private static EmptyMessage empty(Type type, int mid) {
        EmptyMessage message = new EmptyMessage(type);
        message.setMID(mid);
        message.setToken(Token.EMPTY);
        return message;
    }

    @Test
    void eachRequestIsConfirmableWithTheNextMidAndAFreshFourByteToken() {
        ConfirmableExchange first = post();
        ConfirmableExchange second = post();

        assertThat(first.request().getType()).isEqualTo(Type.CON);
        assertThat(second.mid()).isEqualTo((first.mid() + 1) & 0xFFFF);
        assertThat(first.token().length()).isEqualTo(4);
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(sent).containsExactly(new Sent(first.mid(), 0, Duration.ZERO), new Sent(second.mid(), 0, Duration.ZERO));
    }

    @Test
    void withoutAnAnswerTheRequestIsResentOnItsScheduleThenTimesOut() {
        ConfirmableExchange exchange = post();

        clock.advance(Duration.ofMinutes(1));

        assertThat(sent).containsExactly(new Sent(exchange.mid(), 0, Duration.ZERO),
                new Sent(exchange.mid(), 1, Duration.ofSeconds(2)), new Sent(exchange.mid(), 2, Duration.ofSeconds(6)));
        assertThat(outcomes).containsExactly(new Ended(new CoapOutcome.TimedOut(3), Duration.ofSeconds(14)));
    }

    @Test
    void anAckWithTheExchangesMidAndTokenEndsItWithItsResponse() {
        ConfirmableExchange exchange = post();

        arrives(LabService.CT, response(Type.ACK, exchange.mid(), exchange.token()));
        clock.advance(Duration.ofMinutes(1));

        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).at()).isZero();
        assertThat(outcomes.get(0).outcome()).isInstanceOf(CoapOutcome.Answered.class);
        assertThat(sent).hasSize(1);
    }

    @Test
    void anAckWithTheMidButAnotherTokenMatchesNothing() {
        ConfirmableExchange exchange = post();

        arrives(LabService.CT, response(Type.ACK, exchange.mid(), Token.fromProvider(new byte[] {1, 2, 3, 4, 5})));
        clock.advance(Duration.ofMinutes(1));

        assertThat(outcomes).extracting(Ended::outcome).containsExactly(new CoapOutcome.TimedOut(3));
    }

    @Test
    void anAnswerFromAnotherServiceMatchesNoExchangeOfThisOne() {
        ConfirmableExchange exchange = post();

        arrives(LabService.DM, response(Type.ACK, exchange.mid(), exchange.token()));
        arrives(LabService.DM, empty(Type.RST, exchange.mid()));
        clock.advance(Duration.ofMinutes(1));

        assertThat(outcomes).extracting(Ended::outcome).containsExactly(new CoapOutcome.TimedOut(3));
    }

    @Test
    void anEmptyAckStopsTheResendsAndTheSeparateResponseIsAcknowledgedAndEndsTheExchange() {
        ConfirmableExchange exchange = post();

        arrives(LabService.CT, empty(Type.ACK, exchange.mid()));
        clock.advance(Duration.ofSeconds(5));
        arrives(LabService.CT, response(Type.CON, 0x7000, exchange.token()));

        assertThat(sent).hasSize(1);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).at()).isEqualTo(Duration.ofSeconds(5));
        assertThat(replies).extracting(Message::getType, Message::getMID).containsExactly(
                tuple(Type.ACK, 0x7000));
    }

    @Test
    void aNonConfirmableResponseEndsTheExchangeOfItsTokenWithoutAnAck() {
        ConfirmableExchange exchange = post();

        arrives(LabService.CT, response(Type.NON, 0x7001, exchange.token()));

        assertThat(outcomes).extracting(Ended::outcome).hasOnlyElementsOfType(CoapOutcome.Answered.class).hasSize(1);
        assertThat(replies).isEmpty();
    }

    @Test
    void aSeparateResponseRepeatedAfterItsExchangeEndedIsAcknowledgedAgainButReportedOnce() {
        ConfirmableExchange exchange = post();

        arrives(LabService.CT, response(Type.CON, 0x7000, exchange.token()));
        arrives(LabService.CT, response(Type.CON, 0x7000, exchange.token()));

        assertThat(outcomes).hasSize(1);
        assertThat(replies).extracting(Message::getType).containsExactly(Type.ACK, Type.ACK);
    }

    @Test
    void aConfirmableResponseOfNoExchangeAndAPingAreReset() {
        arrives(LabService.CT, response(Type.CON, 0x7002, Token.fromProvider(new byte[] {9, 9, 9, 9})));
        arrives(LabService.DM, empty(Type.CON, 0x7003));

        assertThat(replies).extracting(Message::getType, Message::getMID).containsExactly(
                tuple(Type.RST, 0x7002),
                tuple(Type.RST, 0x7003));
    }

    @Test
    void aResetEndsTheExchangeOfItsMid() {
        ConfirmableExchange exchange = post();

        arrives(LabService.CT, empty(Type.RST, exchange.mid()));

        assertThat(outcomes).containsExactly(new Ended(new CoapOutcome.Reset(), Duration.ZERO));
    }

    @Test
    void anUnreachableServiceEndsOnlyItsExchangesThatEndOnPortUnreachable() {
        ConfirmableExchange ends = post(CT, PortUnreachable.ENDS_EXCHANGE);
        ConfirmableExchange loses = post(CT, PortUnreachable.LOSES_TRANSMISSION);
        ConfirmableExchange elsewhere = post(new Destination("m.fxlttsbl.com", Optional.of(LabService.DM)),
                PortUnreachable.ENDS_EXCHANGE);

        clock.schedule(Duration.ZERO, () -> matcher.endAllWith(LabService.CT, new CoapOutcome.Unreachable("ICMP")));
        clock.runDue();
        arrives(LabService.CT, response(Type.ACK, ends.mid(), ends.token()));
        arrives(LabService.CT, response(Type.ACK, loses.mid(), loses.token()));
        arrives(LabService.DM, response(Type.ACK, elsewhere.mid(), elsewhere.token()));

        assertThat(outcomes).extracting(Ended::outcome).hasSize(3);
        assertThat(outcomes.get(0).outcome()).isEqualTo(new CoapOutcome.Unreachable("ICMP"));
        assertThat(outcomes.subList(1, 3)).extracting(Ended::outcome).hasOnlyElementsOfType(CoapOutcome.Answered.class);
    }

    @Test
    void aResetForgetsEveryExchangeWithoutReportingIt() {
        ConfirmableExchange exchange = post();

        matcher.reset();
        arrives(LabService.CT, response(Type.ACK, exchange.mid(), exchange.token()));
        clock.advance(Duration.ofMinutes(1));

        assertThat(outcomes).isEmpty();
        assertThat(sent).hasSize(1);
    }
}
