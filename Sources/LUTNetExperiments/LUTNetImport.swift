// Every file of the experiments builds on the LUTNet library.
@_exported import LUTNet
