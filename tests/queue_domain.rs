//! The demo halls' queues (data/queues.toml) against the real demo
//! catalogue, and a hall day driven through the queue domain by a manual
//! clock: numbers, the order of calling, no-shows, transfers, check-ins,
//! estimates, and the day turning at each hall's own midnight.

use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp, civil::date};
use onestop::domain::queue::{
    Action, BookingToCheck, CallRules, CheckInRefusal, ClockTime, Entry, Estimate, Event, HallLayout,
    IssueRefusal, QueueCatalog, QueuePrefix, Ticket, TicketNumber, check_in, issue, load, service_day,
};
use onestop::domain::{BookingStatus, Catalog, Lang, queue::Board};
use onestop::server::catalog_source;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The file's place: `data/queues.toml`, or until the catalogue loader
/// leaves that name alone, `data/queues.toml.pending` (a `.toml` under
/// data/ is embedded and read as part of the catalogue).
fn queues_file() -> PathBuf {
    let final_name = data().join("queues.toml");
    if final_name.exists() { final_name } else { data().join("queues.toml.pending") }
}

fn demo() -> (Catalog, QueueCatalog) {
    let catalog = catalog_source::from_dir(&data()).expect("the demo catalogue loads");
    let path = queues_file();
    let text = std::fs::read_to_string(&path).expect("the demo queues file exists");
    let queues = load(&path.display().to_string(), &text, &catalog).unwrap_or_else(|e| panic!("{e}"));
    (catalog, queues)
}

fn p(c: char) -> QueuePrefix {
    QueuePrefix::new(c).unwrap()
}

fn n(s: &str) -> TicketNumber {
    TicketNumber::parse(s).unwrap()
}

fn utc(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn every_demo_hall_gives_a_number_for_every_service_it_handles() {
    let (catalog, queues) = demo();
    for hall in &catalog.halls {
        let layout = queues.hall(&hall.id).unwrap_or_else(|| panic!("{} has no queues", hall.id));
        for service in catalog.services.iter().filter(|s| s.halls.contains(&hall.id)) {
            let queue = layout.queue_for_service(&service.id).unwrap_or_else(|| panic!("{}", service.id));
            assert!(layout.windows_serving(queue.prefix).next().is_some(), "{} {}", hall.id, queue.prefix);
        }
        for group in &layout.priority_groups {
            assert_eq!(group.name.missing().count(), 0, "{} {}", hall.id, group.id);
        }
        assert!(layout.priority_group("senior-70").is_some(), "{}: 70 and over are served first", hall.id);
    }
}

#[test]
fn a_passport_at_binjiang_is_queue_b_called_at_windows_6_to_12() {
    let (_, queues) = demo();
    let binjiang = queues.hall("binjiang").unwrap();
    let queue = binjiang.queue_for_service("passport-application").unwrap();
    assert_eq!((queue.prefix, queue.name.get(Lang::EnUs)), (p('B'), "Exit and entry"));
    let windows: Vec<u16> = binjiang.windows_serving(queue.prefix).map(|w| w.number).collect();
    assert_eq!(windows, [6, 7, 8, 9, 10, 11, 12]);
}

#[test]
fn the_service_day_turns_at_each_halls_own_midnight() {
    let (_, queues) = demo();
    let shanghai = &queues.hall("binjiang").unwrap().zone;
    let urumqi = &queues.hall("tianshan").unwrap().zone;
    assert_eq!(service_day(shanghai, utc("2026-12-01T15:59:59Z")), date(2026, 12, 1));
    assert_eq!(service_day(shanghai, utc("2026-12-01T16:00:00Z")), date(2026, 12, 2));
    assert_eq!(service_day(urumqi, utc("2026-12-01T17:59:59Z")), date(2026, 12, 1));
    assert_eq!(service_day(urumqi, utc("2026-12-01T18:00:00Z")), date(2026, 12, 2));
    // Tianshan's first number of the day, at 10:00 local (04:00Z), counts
    // in that day: the store's count for it starts at 0, so it is A001.
    let tianshan = queues.hall("tianshan").unwrap();
    let first = issue(tianshan, p('A'), utc("2026-12-02T04:00:00Z"), 0, Entry::WalkIn).unwrap();
    assert_eq!((first.number.to_string(), first.day), ("A001".to_owned(), date(2026, 12, 2)));
    let early = issue(tianshan, p('A'), utc("2026-12-02T03:59:00Z"), 0, Entry::WalkIn);
    assert_eq!(early, Err(IssueRefusal::BeforeHours(ClockTime::new(10, 0).unwrap())));
}

#[test]
fn vehicles_stop_giving_numbers_before_the_rest_of_binjiang() {
    let (_, queues) = demo();
    let binjiang = queues.hall("binjiang").unwrap();
    // 16:10 in Shanghai on a Tuesday.
    let t = utc("2026-12-01T08:10:00Z");
    assert!(issue(binjiang, p('A'), t, 0, Entry::WalkIn).is_ok());
    let vehicles = issue(binjiang, p('J'), t, 0, Entry::WalkIn);
    assert_eq!(vehicles, Err(IssueRefusal::AfterHours(ClockTime::new(16, 0).unwrap())));
    // Closed on New Year's Day, as halls.toml says.
    let holiday = issue(binjiang, p('A'), utc("2027-01-01T02:00:00Z"), 0, Entry::WalkIn);
    assert_eq!(holiday, Err(IssueRefusal::ClosedToday(date(2027, 1, 1))));
}

/// Chengbei on Tuesday 1 December 2026, `minute` minutes after 08:30.
fn chengbei_at(minute: i64) -> Timestamp {
    utc("2026-12-01T00:30:00Z").checked_add(SignedDuration::from_mins(minute)).unwrap()
}

/// Takes the next number of `service`'s queue, as the store would count it.
fn take(
    hall: &HallLayout,
    board: &mut Board,
    service: &str,
    minute: i64,
    group: Option<&str>,
) -> TicketNumber {
    let queue = hall.queue_for_service(service).unwrap().prefix;
    let issued_today = board.tickets().filter(|t| t.number.prefix == queue).count() as u16;
    let issued = issue(hall, queue, chengbei_at(minute), issued_today, Entry::WalkIn).unwrap();
    assert_eq!(issued.day, board.day(), "the board is today's");
    let ticket = Ticket::walk_in(issued.number, chengbei_at(minute), group.map(str::to_owned));
    board.add(hall, ticket).unwrap();
    issued.number
}

fn called(result: Result<Event, onestop::domain::queue::ActionError>) -> String {
    match result {
        Ok(Event::Called { number, .. }) => number.to_string(),
        other => panic!("expected a call, got {other:?}"),
    }
}

#[test]
fn a_morning_at_chengbei_window_19() {
    let (_, queues) = demo();
    let hall = queues.hall("chengbei").unwrap();
    let rules = CallRules::default();
    let mut board = Board::new(date(2026, 12, 1));
    // Window 19 calls A (household, passports), C (social, medical) and F (housing, real estate).
    assert_eq!(take(hall, &mut board, "id-card-renewal", 0, None), n("A001"));
    assert_eq!(take(hall, &mut board, "social-security-card-application", 1, None), n("C001"));
    assert_eq!(take(hall, &mut board, "passport-application", 2, Some("senior-70")), n("A002"));
    assert_eq!(take(hall, &mut board, "marriage-registration", 3, None), n("M001"));
    let act = |board: &mut Board, action, minute| board.act(hall, &rules, 19, action, chengbei_at(minute));
    act(&mut board, Action::Open, 5).unwrap();

    // A booking for 08:45–09:00 (00:45Z), checked in at 08:40: called first.
    let booking = BookingToCheck {
        hall: "chengbei",
        status: BookingStatus::Active,
        slot_start: chengbei_at(15),
        slot_end: chengbei_at(30),
        checked_in_at: None,
    };
    let checked = check_in(&booking, "chengbei", chengbei_at(10), 30).unwrap();
    let queue = hall.queue_for_service("property-transfer-resale").unwrap().prefix;
    let issued = issue(hall, queue, checked.at, 0, Entry::Booking).unwrap();
    board.add(hall, Ticket::booked(issued.number, checked.at, checked.slot_start)).unwrap();
    assert_eq!(called(act(&mut board, Action::CallNext, 11)), "F001");
    act(&mut board, Action::Finish, 21).unwrap();

    // Then priority, then the longest-waiting; marriage (M) is not called here.
    assert_eq!(called(act(&mut board, Action::CallNext, 22)), "A002");
    act(&mut board, Action::Finish, 30).unwrap();
    assert_eq!(called(act(&mut board, Action::CallNext, 31)), "A001");
    assert_eq!(act(&mut board, Action::NoShow, 33), Ok(Event::Missed { window: 19, number: n("A001") }));
    assert_eq!(called(act(&mut board, Action::CallNext, 34)), "C001");
    // The social-security citizen needs a housing-fund service: sent to F, keeping C001.
    let moved = act(&mut board, Action::Transfer { to: p('F') }, 40);
    assert_eq!(moved, Ok(Event::Transferred { window: 19, number: n("C001"), from: p('C'), to: p('F') }));
    // A001's citizen comes back within the half hour and waits again.
    act(&mut board, Action::PutBack(n("A001")), 45).unwrap();
    assert_eq!(
        called(act(&mut board, Action::CallNext, 46)),
        "C001",
        "issued at 08:31, before A001 came back"
    );
    act(&mut board, Action::Finish, 54).unwrap();

    // The estimate for A001 now: nobody ahead in A; windows 1–4 closed, 19 open;
    // A's only service so far took 8 minutes: (0 + ½) × 8 ÷ 1 = 4 minutes.
    assert_eq!(board.estimate_for(hall, n("A001"), None), Some(Estimate::Minutes { low: 3, high: 6 }));
    assert_eq!(board.estimate_for(hall, n("M001"), None), Some(Estimate::NoWindowOpen));
    assert_eq!(board.served_at(19).0, 3);

    // Checking the same booking in again, or too late, is refused with its reason.
    let again = BookingToCheck { checked_in_at: Some(checked.at), ..booking.clone() };
    assert_eq!(
        check_in(&again, "chengbei", chengbei_at(12), 30),
        Err(CheckInRefusal::AlreadyCheckedIn(checked.at))
    );
    assert_eq!(
        check_in(&booking, "chengbei", chengbei_at(30), 30),
        Err(CheckInRefusal::TooLate(chengbei_at(30)))
    );
    assert_eq!(
        check_in(&booking, "binjiang", chengbei_at(12), 30),
        Err(CheckInRefusal::OtherHall("chengbei".into()))
    );
}
