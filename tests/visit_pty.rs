//! The real binary in a pty takes a number on its embedded backend, as a
//! citizen would: 取号, a service by category, "no" to the priority
//! question, the ticket with its number in big letters and its phone link.
//! The server's clock is held inside the hall's hours (`ONESTOP_TEST_NOW`,
//! test builds only), so the test gives a number whenever it runs.

mod common;

use common::pty::Kiosk;

/// Monday 30 November 2026, 10:00 in Shanghai: Binjiang gives numbers.
const MONDAY_10AM: &str = "2026-11-30T02:00:00Z";

#[test]
fn a_number_is_taken_on_the_embedded_backend_and_home_leaves_it() {
    let data = tempfile::tempdir().unwrap();
    let args = ["--data-dir", data.path().to_str().unwrap(), "--lang", "en-US"];
    let mut k = Kiosk::start(&args, &[("ONESTOP_TEST_NOW", MONDAY_10AM)], 80, 24);
    k.wait_for("1. Take a number");
    k.wait_for("Household registration and ID"); // the catalogue is here
    k.send("1");
    k.wait_for("how would you like to find the service?");
    k.send("1");
    k.wait_for("Choose a category");
    k.send("1");
    k.wait_for("Resident ID card renewal");
    k.send("\r");
    k.wait_for("Are you in one of these groups?");
    k.wait_for("1. No, the ordinary queue");
    k.send("\r");
    k.wait_for("Your number: A001, Household");
    let screen = k.screen();
    assert!(screen.contains("No one is ahead of you"), "{screen}");
    assert!(screen.contains("▄▀▀▄    ▄▀▀▄"), "the number in big letters:\n{screen}");
    // The phone link, as text beside its code.
    k.send("p");
    k.wait_for("Scan to follow A001 on your phone");
    k.wait_for("http://127.0.0.1:");
    // Home: the start again, and a second number is the next one.
    k.send("\x1b[H");
    k.wait_for("What would you like to do?");
    k.send("1");
    k.wait_for("how would you like to find the service?");
    k.send("11\r");
    k.wait_for("Are you in one of these groups?");
    k.send("\r");
    k.wait_for("Your number: A002");
    k.quit();
}
