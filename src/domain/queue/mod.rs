//! The hall visit (issue 16): queues and windows, ticket numbers, the order
//! of calling, estimated waits and checking in a booking. Pure: time arrives
//! as arguments, nothing here reads a clock, a file or the network.
