Feature: Connect+ imports: templates, per-row results and transaction date formats
  Seed 003's Connect+ sections, as one bulk import per CSV file and template, each row answered on its own:
  "You can now assign Customer Status to any customer via Connect+ using v2 customer add [...] The
  prerequisite is to have Customer Status enabled and labels created"; "You can now assign channel-wise
  subscription status to a customer via Connect+ using Customer v2 add"; "In Transaction v2 add [...] we have
  added support for new date formats"; and the Coupon Redeem template: "Both transactionNumber and billAmount
  fields are mandatory", "the code of the coupon that is to be redeemed is mandatory. redemptionTime [...] in
  YYYY-MM-DD HH:MM:SS format. This is optional though", "You need to pass at least one identifier", and the
  attribution tab "to map the store against which the coupons are to be redeemed".

  # Ruling 168: the table's D (Java: day of year) and YY (Java: week-based year) in rows 7-9 are day of month and
  # two-digit year, as their samples show: "2/3/22" under M/D/YY is 3 February 2022, like every other sample.
  # Ruling 169: row 4's Z (Java: an offset such as -0800) has the sample "Z": "Z" is UTC, +hhmm and -hhmm are read.
  # Row 5's sample "2022-02-03 12:08:56.235-07:00" has milliseconds its pattern yyyy-MM-dd HH:mm:ssXXX lacks: an
  # optional fraction of a second is read before the offset.
  # Ruling 170: dates are read strictly (no 31 February, no month 13, never rolled over as Java's lenient
  # parsing would); two-digit years are 2000-2099; month names are English; a time without an offset is UTC.
  # Ruling 171: a refused row never stops the others; what can refuse a row (label, subscription values,
  # mandatory columns, the date) is checked before the row changes anything.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1

  Rule: A transaction import reads the bill date in the format it declares, one of the seed's nine

    @seed:003 @req:003-250
    Scenario Outline: Format <SNO> reads its sample as the instant it names
      When a transaction import with the date format "<DATE FORMAT>" brings a bill "B" of 100 for mobile M1 dated "<SAMPLE>"
      Then the import accepted 1 row and refused 0
      And the latest bill of "Asha" was made at <instant>

      Examples:
        | SNO | DATE FORMAT            | SAMPLE                        | instant                  |
        | 1   | yyyy-MM-dd HH:mm:ss    | 2022-02-03 19:00:00           | 2022-02-03T19:00:00Z     |
        | 2   | dd-MM-yyyy HH:mm:ss    | 03-02-2022 19:00:00           | 2022-02-03T19:00:00Z     |
        | 3   | dd/MM/yyyy HH:mm:ss    | 03/02/2022 19:00:00           | 2022-02-03T19:00:00Z     |
        | 4   | yyyy-MM-dd HH:mm:ss Z  | 2017-05-11 15:46:48 Z         | 2017-05-11T15:46:48Z     |
        | 5   | yyyy-MM-dd HH:mm:ssXXX | 2022-02-03 12:08:56.235-07:00 | 2022-02-03T19:08:56.235Z |
        | 6   | dd-MMM-yy HH:mm:ss     | 03-Feb-22 19:00:00            | 2022-02-03T19:00:00Z     |
        | 7   | M/D/YY HH:mm:ss        | 2/3/22 19:00:00               | 2022-02-03T19:00:00Z     |
        | 8   | D/M/YY HH:mm:ss        | 3/2/22 19:00:00               | 2022-02-03T19:00:00Z     |
        | 9   | MM/DD/YY HH:mm:ss      | 02/03/22 19:00:00             | 2022-02-03T19:00:00Z     |

    @seed:003 @req:003-250 @req:003-251
    Scenario Outline: Under <DATE FORMAT>, <date> is <outcome>
      When a transaction import with the date format "<DATE FORMAT>" brings a bill "B" of 100 for mobile M1 dated "<date>"
      Then the import rows are:
        | row | status   | code   |
        | 1   | <status> | <code> |

      Examples:
        | DATE FORMAT         | date                | outcome                        | status   | code |
        | dd/MM/yyyy HH:mm:ss | 25/12/2022 08:00:00 | day first: read                | ACCEPTED |      |
        | dd/MM/yyyy HH:mm:ss | 12/25/2022 08:00:00 | month first: refused           | REFUSED  | 8443 |
        | dd-MM-yyyy HH:mm:ss | 12-25-2022 08:00:00 | month first: refused           | REFUSED  | 8443 |
        | D/M/YY HH:mm:ss     | 25/12/22 08:00:00   | day first: read                | ACCEPTED |      |
        | D/M/YY HH:mm:ss     | 12/25/22 08:00:00   | month first: refused           | REFUSED  | 8443 |
        | MM/DD/YY HH:mm:ss   | 12/25/22 08:00:00   | month first: read              | ACCEPTED |      |
        | MM/DD/YY HH:mm:ss   | 25/12/22 08:00:00   | day first: refused             | REFUSED  | 8443 |
        | M/D/YY HH:mm:ss     | 25/12/22 08:00:00   | day first: refused             | REFUSED  | 8443 |
        | yyyy-MM-dd HH:mm:ss | 2022-02-31 10:00:00 | 31 February: refused           | REFUSED  | 8443 |
        | yyyy-MM-dd HH:mm:ss | 2022-02-03T19:00:00 | another format: refused        | REFUSED  | 8443 |
        | yyyy-MM-dd HH:mm:ss | 2022-13-03 10:00:00 | month 13: refused              | REFUSED  | 8443 |
        | yyyy-MM-dd HH:mm:ss | 2022-02-00 10:00:00 | day 0: refused                 | REFUSED  | 8443 |
        | yyyy-MM-dd HH:mm:ss | 2022-02-03 24:00:00 | hour 24: refused               | REFUSED  | 8443 |
        | yyyy-MM-dd HH:mm:ss | 2022-02-03 10:60:00 | minute 60: refused             | REFUSED  | 8443 |
        | yyyy-MM-dd HH:mm:ss | 2022-02-03 10:00:60 | second 60: refused             | REFUSED  | 8443 |
        | dd-MMM-yy HH:mm:ss  | 03-Fex-22 19:00:00  | month Fex: refused             | REFUSED  | 8443 |

    # Ruling 169: row 4 reads "Z" and +hhmm or -hhmm; row 5 an optional fraction of a second and "Z" or +hh:mm.
    @seed:003 @req:003-250
    Scenario Outline: Under <DATE FORMAT>, <date> is the instant <instant>
      When a transaction import with the date format "<DATE FORMAT>" brings a bill "B" of 100 for mobile M1 dated "<date>"
      Then the import accepted 1 row and refused 0
      And the latest bill of "Asha" was made at <instant>

      Examples:
        | DATE FORMAT            | date                      | instant                  |
        | yyyy-MM-dd HH:mm:ss Z  | 2017-05-11 15:46:48 +0530 | 2017-05-11T10:16:48Z     |
        | yyyy-MM-dd HH:mm:ss Z  | 2017-05-11 15:46:48 -0800 | 2017-05-11T23:46:48Z     |
        | yyyy-MM-dd HH:mm:ssXXX | 2022-02-03 12:08:56+05:30 | 2022-02-03T06:38:56Z     |
        | yyyy-MM-dd HH:mm:ssXXX | 2022-02-03 12:08:56.5Z    | 2022-02-03T12:08:56.500Z |
        | dd-MMM-yy HH:mm:ss     | 03-DEC-22 19:00:00        | 2022-12-03T19:00:00Z     |

    # The contract's ImportRequest: dateFormat is "the pattern (or SNO 1-9)" of the seed's table.
    @seed:003 @req:003-250
    Scenario: An import may name its date format by the seed's SNO
      When a transaction import with the date format "8" brings a bill "B" of 100 for mobile M1 dated "3/2/22 19:00:00"
      Then the import accepted 1 row and refused 0
      And the latest bill of "Asha" was made at 2022-02-03T19:00:00Z

    @seed:003 @req:003-251
    Scenario: A day and month in the wrong order are read as the format says, not guessed
      When a transaction import with the date format "MM/DD/YY HH:mm:ss" brings a bill "B" of 100 for mobile M1 dated "03/02/22 19:00:00"
      Then the import accepted 1 row and refused 0
      And the latest bill of "Asha" was made at 2022-03-02T19:00:00Z

    @seed:003 @req:003-250
    Scenario: An import declaring a format outside the table is refused whole
      When a TRANSACTION_ADD_V2 import with the date format "yyyy/MM/dd HH:mm" is sent:
        | source  | mobile | billNumber | billAmount | billingTime      |
        | INSTORE | M1     | IMP-1      | 100        | 2022/02/03 19:00 |
      Then the request is refused with error 8442
      And "Asha" has 0 bills

    @seed:003 @req:003-250 @req:003-255
    Scenario: A refused row never stops the others
      When a TRANSACTION_ADD_V2 import with the date format "dd-MMM-yy HH:mm:ss" is sent:
        | source  | mobile | billNumber | billAmount | billingTime        |
        | INSTORE | M1     | IMP-1      | 120        | 03-Feb-22 19:00:00 |
        | INSTORE | M1     | IMP-2      | 80         | 03-Foo-22 19:00:00 |
        | INSTORE | M1     | IMP-3      | -5         | 04-Feb-22 19:00:00 |
        | INSTORE | M1     | IMP-4      | 60         | 05-FEB-22 10:30:00 |
      Then the import rows are:
        | row | status   | code |
        | 1   | ACCEPTED |      |
        | 2   | REFUSED  | 8443 |
        | 3   | REFUSED  | 8203 |
        | 4   | ACCEPTED |      |
      And "Asha" has 2 bills
      And the latest bill of "Asha" was made at 2022-02-05T10:30:00Z

    # A row runs the transaction add its API runs, which takes a bill amount of 0 or more (a bill paid in full
    # with points or a coupon); only a negative amount is refused.
    @seed:003 @req:003-250
    Scenario: A transaction import row with a bill amount of 0 is accepted
      When a TRANSACTION_ADD_V2 import with the date format "yyyy-MM-dd HH:mm:ss" is sent:
        | source  | mobile | billNumber | billAmount | billingTime         |
        | INSTORE | M1     | IMP-1      | 0          | 2022-02-03 19:00:00 |
      Then the import accepted 1 row and refused 0
      And "Asha" has 1 bills

    @seed:003 @req:003-250
    Scenario: A transaction import records the bill's amount and store
      When a TRANSACTION_ADD_V2 import with the date format "yyyy-MM-dd HH:mm:ss" is sent:
        | source  | mobile | billNumber | billAmount | billingTime         | storeCode |
        | INSTORE | M1     | IMP-1      | 120        | 2022-02-03 19:00:00 | STORE-7   |
      Then the import accepted 1 row and refused 0
      And row 1 of the import names the customer "Asha"
      And the recent transactions of "Asha" are:
        | amount | store   | lines | outlier | points issued |
        | 120    | STORE-7 | 0     | false   | 120           |

  Rule: A coupon redeem import redeems each row's coupon for the customer it names

    @seed:003 @req:003-254
    Scenario: Coupons redeemed in bulk; a row without its mandatory fields or an identifier is refused
      Given a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And a coupon series "Welcome 500" of ABS 500 off that issues at most 5 coupons
      And "Asha" holds a coupon of "Welcome 500"
      When a COUPON_REDEEM import is sent for the coupon of "Welcome 500" issued to "Asha":
        | transactionNumber | billAmount | redemptionTime      | storeCode | mobile |
        |                   | 900        | 2022-02-03 19:00:00 | STORE-1   | M1     |
        | RB-2              | 900        | 2022-02-03 19:00:00 | STORE-1   |        |
        | RB-3              | 900        | 03/02/2022 19:00    | STORE-1   | M1     |
        | RB-4              | 900        | 2022-02-03 19:00:00 | STORE-1   | M2     |
        | RB-5              | 900        | 2022-02-03 19:00:00 | STORE-1   | M1     |
      Then the import rows are:
        | row | status   | code |
        | 1   | REFUSED  | 8205 |
        | 2   | REFUSED  | 8005 |
        | 3   | REFUSED  | 8443 |
        | 4   | REFUSED  | 8241 |
        | 5   | ACCEPTED |      |
      And "Asha" has 0 active coupons

    @seed:003 @req:003-254
    Scenario: A coupon redeemed by import is redeemed at the store its row names
      Given a coupon series "Welcome 500" of ABS 500 off that issues at most 5 coupons
      And "Asha" holds a coupon of "Welcome 500"
      When a COUPON_REDEEM import is sent for the coupon of "Welcome 500" issued to "Asha":
        | source  | transactionNumber | billAmount | storeCode | mobile |
        | NOSUCH  | RB-0              | 900        | 1021      | M1     |
        | INSTORE | RB-1              | 900        | 1021      | M1     |
      Then the import rows are:
        | row | status   | code |
        | 1   | REFUSED  | 8003 |
        | 2   | ACCEPTED |      |
      And row 2 of the import names the customer "Asha"
      When the redemptions of "Asha" are read at merchant store 1021
      Then the coupon redemptions are Welcome 500 and the points redemptions are none
      And the coupon redemption of "Welcome 500" was made on bill "RB-1"
