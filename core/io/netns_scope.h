#pragma once
// A private network namespace for the lifetime of one object: enter() unshares a fresh namespace for the
// calling thread (unshare(CLONE_NEWNET), root only), and the destructor returns the thread to the namespace
// it came from. Nothing names the new namespace, so it cannot leak: the kernel removes it - with its TUN
// devices, addresses and any TIME_WAIT sockets - as soon as no thread and no socket refers to it any more,
// even when the test that made it fails half way.
#include <string>

namespace tcplab {

class NetnsScope {
public:
    NetnsScope() = default;
    ~NetnsScope();
    NetnsScope(const NetnsScope &) = delete;
    NetnsScope &operator=(const NetnsScope &) = delete;

    // "" on success, otherwise why not (not root, no CLONE_NEWNET in this kernel, ...). Also brings the new
    // namespace's loopback up, which every namespace starts with down.
    std::string enter();
    // Returns to the original namespace now (the destructor does it otherwise). "" or why it failed.
    std::string leave();
    bool active() const { return m_originalFd >= 0; }

private:
    int m_originalFd = -1; // /proc/thread-self/ns/net of the namespace we came from
};

} // namespace tcplab
