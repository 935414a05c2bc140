// The reactive part of the simulated applications: calls that wait for a trigger (a state entered, bytes
// received) instead of a time, and application heartbeats with their monitor. Triggers and beats only
// queue work; the event loop runs it, so nothing here re-enters an endpoint while it is being drained.
#include "sim/session_impl.h"

namespace tcplab {

void Session::Impl::createMachine(Endpoint &ep, std::optional<std::uint32_t> isn, bool announce)
{
    EndpointConfig config = ep.side == Side::Client ? scenario.client : scenario.server;
    if (isn) {
        config.isnMode = IsnMode::Fixed;
        config.fixedIsn = *isn;
    }
    ep.connection.emplace(config, ep.localPort);
    const EndpointKind kind = ep.side == Side::Client ? scenario.clientKind : scenario.serverKind;
    if (kind == EndpointKind::TwoWayHandshake) {
        ep.hypothetical.emplace(config, ep.localPort);
        // Said once, at the start, so every view of the trace knows this side is not TCP.
        if (announce) {
            TraceEvent &note = event(TraceKind::Note, ep.side, ep.conn);
            note.text = std::string(kTwoWayNote);
        }
    }
}

void Session::Impl::fireTrigger(std::size_t call)
{
    triggerFired[call] = true;
    queue.push(now + scenario.calls[call].trigger->delay, detail::kScheduledCall,
               static_cast<std::uint32_t>(call));
}

void Session::Impl::reactToState(const Endpoint &ep, TcpState entered)
{
    for (std::size_t i = 0; i < scenario.calls.size(); ++i) {
        const std::optional<CallTrigger> &trigger = scenario.calls[i].trigger;
        if (!trigger || triggerFired[i] || trigger->side != ep.side || trigger->conn != ep.conn) continue;
        if (trigger->state == entered) fireTrigger(i);
    }
    if (entered != TcpState::Established) return;
    for (std::size_t i = 0; i < scenario.heartbeats.size(); ++i) {
        const Heartbeat &beat = scenario.heartbeats[i];
        detail::HeartbeatRun &run = heartbeatRuns[i];
        if (beat.conn != ep.conn || beat.every <= 0) continue;
        const auto index = static_cast<std::uint32_t>(i);
        if (ep.side == beat.sender && !run.sending) {
            run.sending = true;
            queue.push(now, detail::kHeartbeat, index, 0);
        } else if (ep.side != beat.sender && !run.monitoring) {
            run.monitoring = true;
            run.seen = ep.received;
            queue.push(now + beat.every, detail::kHeartbeat, index, 1);
        }
    }
}

void Session::Impl::reactToData(Endpoint &ep, std::size_t bytes)
{
    ep.received += bytes;
    for (std::size_t i = 0; i < scenario.calls.size(); ++i) {
        const std::optional<CallTrigger> &trigger = scenario.calls[i].trigger;
        if (!trigger || triggerFired[i] || trigger->side != ep.side || trigger->conn != ep.conn) continue;
        if (!trigger->state && ep.received >= trigger->receivedBytes) fireTrigger(i);
    }
}

void Session::Impl::heartbeat(std::uint32_t index, bool check)
{
    const Heartbeat &beat = scenario.heartbeats[index];
    detail::HeartbeatRun &run = heartbeatRuns[index];
    if (!check) {
        // The sender beats while it may send; a refused send (the connection is gone) ends its beats.
        const CallResult sent = perform(beat.sender, CallKind::Send, beat.conn, beat.payload, 0);
        if (sent.ok)
            queue.push(now + beat.every, detail::kHeartbeat, index, 0);
        else
            run.sending = false;
        return;
    }
    const Side monitor = peerOf(beat.sender);
    Endpoint &ep = endpointAt(monitor, beat.conn);
    const TcpState state = withMachine(ep, [](auto &machine) { return machine.state(); });
    // The peer closed or reset: the application knows why it hears nothing, so the monitor stands down.
    if (state != TcpState::Established && state != TcpState::FinWait1 && state != TcpState::FinWait2) return;
    const std::string sender(sideName(beat.sender));
    if (ep.received > run.seen) {
        run.missed = 0;
    } else {
        ++run.missed;
        TraceEvent &note = event(TraceKind::Note, monitor, beat.conn);
        note.text = "heartbeat monitor: no heartbeat from " + sender + " for " + formatDuration(beat.every) +
                    " (" + std::to_string(run.missed) + " of " + std::to_string(beat.misses) + ")";
        if (run.missed >= beat.misses) {
            TraceEvent &offline = event(TraceKind::Note, monitor, beat.conn);
            offline.text = "heartbeat monitor: " + std::string(sideName(monitor)) + " declares " + sender +
                           " offline after " + std::to_string(beat.misses) + " missed heartbeats";
            return;
        }
    }
    run.seen = ep.received;
    queue.push(now + beat.every, detail::kHeartbeat, index, 1);
}

} // namespace tcplab
