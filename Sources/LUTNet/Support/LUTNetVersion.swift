/// LUTNet's version, in one place: `lutnet_version()` of the C library returns it, `lutnet
/// --version` prints it, and lutnet.h's `LUTNET_VERSION` names the same (a test ties them).
package enum LUTNetVersion {
    /// The version as text, e.g. "0.6.0"; a static string, so the C API can hand out its bytes.
    package static let text: StaticString = "0.6.0"
}
