import CLUTNetAPI
import LUTNet

/// Implements `lutnet_version` (see lutnet.h).
@c @implementation
public func lutnet_version() -> UnsafePointer<CChar>? {
    staticCString(LUTNetVersion.text)
}

/// Implements `lutnet_status_name` (see lutnet.h).
@c @implementation
public func lutnet_status_name(_ status: lutnet_status) -> UnsafePointer<CChar>? {
    switch status {
    case LUTNET_OK: staticCString("LUTNET_OK")
    case LUTNET_ERROR_NULL_ARGUMENT: staticCString("LUTNET_ERROR_NULL_ARGUMENT")
    case LUTNET_ERROR_INVALID_ARGUMENT: staticCString("LUTNET_ERROR_INVALID_ARGUMENT")
    case LUTNET_ERROR_INVALID_PARAMETERS: staticCString("LUTNET_ERROR_INVALID_PARAMETERS")
    case LUTNET_ERROR_INVALID_TASK: staticCString("LUTNET_ERROR_INVALID_TASK")
    case LUTNET_ERROR_EMPTY_TASK_GROUP: staticCString("LUTNET_ERROR_EMPTY_TASK_GROUP")
    case LUTNET_ERROR_SIZE_MISMATCH: staticCString("LUTNET_ERROR_SIZE_MISMATCH")
    case LUTNET_ERROR_DATASET: staticCString("LUTNET_ERROR_DATASET")
    case LUTNET_ERROR_MODEL_FILE: staticCString("LUTNET_ERROR_MODEL_FILE")
    default: staticCString("LUTNET_UNKNOWN_STATUS")
    }
}
