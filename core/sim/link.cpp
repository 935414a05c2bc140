#include "sim/link.h"

#include <algorithm>
#include <cmath>

namespace tcplab {

namespace {

std::string flagsPhrase(const LinkRule &rule)
{
    std::string phrase;
    const std::uint8_t wanted = rule.flagsValue & rule.flagsMask;
    const std::uint8_t unwanted = rule.flagsMask & static_cast<std::uint8_t>(~rule.flagsValue);
    if (wanted != 0) phrase += flagsToString(wanted) + " ";
    if (unwanted != 0) phrase += "(without " + flagsToString(unwanted) + ") ";
    return phrase;
}

std::string percent(double p)
{
    const long long hundredths = std::llround(p * 10000.0);
    std::string text = std::to_string(hundredths / 100);
    if (const long long rest = hundredths % 100; rest != 0) {
        text += '.';
        text += static_cast<char>('0' + rest / 10);
        if (rest % 10 != 0) text += static_cast<char>('0' + rest % 10);
    }
    return text + "%";
}

std::string_view verb(LinkRule::Action action)
{
    switch (action) {
    case LinkRule::Action::Drop:
        return "drop";
    case LinkRule::Action::Duplicate:
        return "duplicate";
    case LinkRule::Action::Delay:
        return "delay";
    case LinkRule::Action::Hold:
        return "hold";
    }
    return "drop";
}

} // namespace

std::string ordinal(long long n)
{
    const long long lastTwo = n % 100;
    const long long last = n % 10;
    std::string_view suffix = "th";
    if (lastTwo < 11 || lastTwo > 13) {
        if (last == 1)
            suffix = "st";
        else if (last == 2)
            suffix = "nd";
        else if (last == 3)
            suffix = "rd";
    }
    return std::to_string(n) + std::string(suffix);
}

std::string formatDuration(TimeUs t)
{
    const auto withFraction = [](TimeUs value, TimeUs unit, std::string_view name) {
        std::string text = std::to_string(value / unit);
        TimeUs rest = value % unit;
        if (rest != 0) {
            std::string digits;
            for (TimeUs scale = unit / 10; scale > 0 && rest != 0; scale /= 10) {
                digits += static_cast<char>('0' + rest / scale);
                rest %= scale;
            }
            text += "." + digits;
        }
        return text + " " + std::string(name);
    };
    const TimeUs magnitude = t < 0 ? -t : t;
    std::string text;
    if (magnitude >= kSecond)
        text = withFraction(magnitude, kSecond, "s");
    else if (magnitude >= kMillisecond)
        text = withFraction(magnitude, kMillisecond, "ms");
    else
        text = std::to_string(magnitude) + " us";
    return t < 0 ? "-" + text : text;
}

std::string describeRule(const LinkRule &rule)
{
    std::string text = "rule: ";
    text += verb(rule.action);
    text += ' ';
    const std::string flags = flagsPhrase(rule);
    if (rule.segmentId) {
        text += "segment #" + std::to_string(*rule.segmentId);
    } else if (rule.nth) {
        text += "the " + ordinal(*rule.nth) + " " + flags + "segment";
    } else if (rule.probability < 1.0) {
        text += percent(std::max(rule.probability, 0.0)) + " of " + flags + "segments";
    } else if (rule.count == 1) {
        text += "the next " + flags + "segment";
    } else {
        text += flags + "segments";
    }
    if (rule.from) text += " from " + std::string(sideName(*rule.from));
    if (rule.conn) text += " on connection " + std::to_string(*rule.conn);
    if (rule.fromTime && rule.untilTime)
        text += " sent from " + formatDuration(*rule.fromTime) + " to " + formatDuration(*rule.untilTime);
    else if (rule.fromTime)
        text += " sent at or after " + formatDuration(*rule.fromTime);
    else if (rule.untilTime)
        text += " sent before " + formatDuration(*rule.untilTime);
    if (rule.count > 1 && !rule.nth) text += " (at most " + std::to_string(rule.count) + ")";
    switch (rule.action) {
    case LinkRule::Action::Delay:
        text += " by " + formatDuration(rule.extraDelay);
        break;
    case LinkRule::Action::Hold:
        text += " until " + formatDuration(rule.releaseAt);
        break;
    case LinkRule::Action::Duplicate:
        if (rule.extraDelay != 0) text += " (the copy " + formatDuration(rule.extraDelay) + " later)";
        break;
    case LinkRule::Action::Drop:
        break;
    }
    return text;
}

Link::Link(const LinkConfig &config, std::uint64_t seed)
    : m_config(config), m_random(seed), m_matched(config.rules.size(), 0), m_acted(config.rules.size(), 0)
{
    m_reasons.reserve(config.rules.size());
    for (const LinkRule &rule : config.rules)
        m_reasons.push_back(rule.label.empty() ? describeRule(rule) : rule.label);
}

TimeUs Link::delay(Side from) const
{
    return from == Side::Client ? m_config.delayClientToServer : m_config.delayServerToClient;
}

void Link::dropNextFrom(Side side)
{
    ++m_dropNext[static_cast<int>(side)];
}

std::string Link::reason(int rule, Side from) const
{
    if (rule == LinkFate::kUserRule) return "dropped by user (next from " + std::string(sideName(from)) + ")";
    if (rule >= 0 && static_cast<std::size_t>(rule) < m_reasons.size())
        return m_reasons[static_cast<std::size_t>(rule)];
    return "dropped";
}

bool Link::matches(std::size_t index, const LinkSegment &segment)
{
    const LinkRule &rule = m_config.rules[index];
    if (rule.from && *rule.from != segment.from) return false;
    if (rule.conn && *rule.conn != segment.conn) return false;
    if ((segment.flags & rule.flagsMask) != (rule.flagsValue & rule.flagsMask)) return false;
    if (rule.segmentId && *rule.segmentId != segment.segmentId) return false;
    if (rule.fromTime && segment.sentAt < *rule.fromTime) return false;
    if (rule.untilTime && segment.sentAt >= *rule.untilTime) return false;
    const int matched = ++m_matched[index];
    if (rule.nth && matched != *rule.nth) return false;
    if (rule.count >= 0 && m_acted[index] >= rule.count) return false;
    // Drawn last, and only for a segment that matches everything else (see the header).
    if (rule.probability < 1.0 && !m_random.chance(rule.probability)) return false;
    ++m_acted[index];
    return true;
}

void Link::decide(const LinkSegment &segment, LinkFate &fate)
{
    fate.reset();
    const TimeUs nominal = segment.sentAt + delay(segment.from);
    fate.arrival = nominal;
    fate.dropAt = segment.sentAt + delay(segment.from) / 2;

    int &pending = m_dropNext[static_cast<int>(segment.from)];
    if (pending > 0) {
        --pending;
        fate.dropped = true;
        fate.dropRule = LinkFate::kUserRule;
        return;
    }

    for (std::size_t i = 0; i < m_config.rules.size(); ++i) {
        if (!matches(i, segment)) continue;
        const LinkRule &rule = m_config.rules[i];
        const int index = static_cast<int>(i);
        switch (rule.action) {
        case LinkRule::Action::Drop:
            fate.dropped = true;
            fate.dropRule = index;
            return;
        case LinkRule::Action::Duplicate:
            fate.copies.push_back({nominal + rule.extraDelay, index});
            break;
        case LinkRule::Action::Delay:
            fate.arrival += rule.extraDelay;
            fate.lastRule = index;
            break;
        case LinkRule::Action::Hold:
            fate.arrival = std::max(fate.arrival, rule.releaseAt);
            fate.lastRule = index;
            break;
        }
    }
}

} // namespace tcplab
