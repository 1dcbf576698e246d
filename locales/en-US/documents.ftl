## Identity documents and phone numbers.
id-kind-resident = Resident ID card
id-kind-passport = Passport
id-kind-other = Other (Hong Kong/Macao/Taiwan permits, permanent residence ID…)
err-phone-missing = Error: enter your mobile number
err-phone-format = Error: enter 11 digits beginning with 1
err-id-missing = Error: enter your document number
err-id-format = Error: a resident ID number has 18 characters
err-id-checksum = Error: check each character, especially the last
err-id-birth-date = Error: the date of birth in this ID number is not right
err-id-region = Error: the first two digits are not a province code
err-document-format = Error: a document number has 5 to 20 letters or digits
