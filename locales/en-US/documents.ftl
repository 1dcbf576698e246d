## Identity documents and phone numbers.
## Document names as printed on the cards (the permits' English titles).
id-kind-resident = Resident ID card
id-kind-hk-macao-permit = Mainland Travel Permit for Hong Kong and Macao Residents
id-kind-taiwan-permit = Mainland Travel Permit for Taiwan Residents
id-kind-residence-permit = Residence Permit for Hong Kong, Macao and Taiwan Residents
id-kind-permanent-residence = Foreign Permanent Resident ID Card
id-kind-passport = Passport
## The same, short enough to stand before the number on the check page.
id-kind-short-resident = Resident ID card
id-kind-short-hk-macao-permit = HK/Macao travel permit
id-kind-short-taiwan-permit = Taiwan travel permit
id-kind-short-residence-permit = Residence permit
id-kind-short-permanent-residence = Permanent residence ID
id-kind-short-passport = Passport
err-phone-missing = Error: enter your mobile number
err-phone-format = Error: 11 digits, or + and the country code
err-phone-not-mobile = Error: enter a mobile number, not a landline
err-id-missing = Error: enter your document number
err-id-format = Error: a resident ID number has 18 characters
err-id-checksum = Error: check each character, especially the last
err-id-birth-date = Error: the date of birth in this ID number is not right
err-id-region = Error: the first two digits are not a province code
## What each kind of number looks like, said when it is not that.
err-document-format = Error: a passport number has 5 to 20 letters or digits
err-document-hk-macao-permit = Error: H or M followed by 8 digits (older cards: 10)
err-document-taiwan-permit = Error: 8 digits (older permits: 10 digits)
err-document-residence-permit = Error: 18 characters beginning 810000, 820000 or 830000
err-document-permanent-residence = Error: 18 digits beginning 9, or 3 letters and 12 digits
err-document-checksum = Error: check each character, especially the last
err-document-birth-date = Error: the date of birth in this number is not right
err-document-region = Error: the province code in this number is not right
## Time limits counted in calendar days, or done on the spot (beside the
## working-day wording of the guide).
statutory-calendar-days = Statutory time limit: { $days ->
    [one] 1 calendar day
   *[other] { $days } calendar days
}
statutory-on-the-spot = Statutory time limit: done on the spot
promised-calendar-days = Our promise: { $days ->
    [one] within 1 calendar day
   *[other] within { $days } calendar days
}
## The company a booking is for, where the service asks (company registration).
field-company = Company name
err-company-missing = Error: enter the company's name
err-company-format = Error: letters, digits and the usual signs, at most 60
booking-company = Company: { $company }
