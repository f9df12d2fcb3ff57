Feature: Audience Manager filters on items
  Brands target customers by what they bought at item level, in a date range: who shopped a product (or a
  category, or an attribute) in more than n distinct transactions, whose average spend on it per bill is
  above n, whose total spend on it is above n. The filters combine with each other and with other filters
  such as the loyalty type (seed 003 "New filters in Audience Manager").

  # Ruling 138: the seed's first example asks for users who "have bought soybean more than 3 times
  # distinctively in July", then answers "Raj, we want a user who has done more than 4 transactions
  # distinctively". Raj has exactly 4 such transactions, so "more than 4" would leave him out: n is strict
  # ("more than"), the example's n is 3, and several units in one bill are one time (Zoha bought 1 + 3
  # soybeans in 2 bills). Both readings are tested: more than 3 gives Raj, more than 4 gives nobody.
  # Ruling 139: the average item value is the spend on the item divided by the bills that have it (Zoe:
  # "10+50+70 = 130 and 130/3 = (>40)").
  # Ruling 140: a date range takes whole days, both ends included; the seed's July is July 2022 (the seed's
  # release notes are of 2022). Each purchase below is one bill with one soybean line.

  Background:
    Given an org with default settings
    And a loyalty customer "Zoha" registered through INSTORE with mobile M1
    And a non-loyalty customer "Raj" registered through INSTORE with mobile M2
    And a loyalty customer "Zoe" registered through INSTORE with mobile M3
    And a loyalty customer "Roy" registered through INSTORE with mobile M4

  Rule: Shopped for a distinct product in more than n transactions

    @seed:003 @req:003-140
    Scenario Outline: Customers who bought soybean in more than <n> distinct transactions in July
      Given the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
        | Raj  |        | 1       | 2      | 3       | 1       |
      When the audience is customers who shopped for soybean in more than <n> distinct transactions from 2022-07-01 to 2022-07-31
      Then the audience is <audience>

      Examples:
        | n | audience    |
        | 3 | Raj         |
        | 4 | nobody      |
        | 1 | Raj, Zoha   |
        | 0 | Raj, Zoha   |

    @seed:003 @req:003-140 @req:003-143
    Scenario Outline: Only the transactions in the date range count: more than <n> from <from> to <to>
      Given the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
        | Raj  |        | 1       | 2      | 3       | 1       |
      When the audience is customers who shopped for soybean in more than <n> distinct transactions from <from> to <to>
      Then the audience is <audience>

      Examples:
        | n | from       | to         | audience  |
        | 3 | 2022-07-10 | 2022-07-25 | Raj       |
        | 3 | 2022-07-11 | 2022-07-31 | nobody    |
        | 0 | 2022-07-07 | 2022-07-07 | Zoha      |
        | 0 | 2022-06-01 | 2022-06-30 | nobody    |

    # Ruling 140: a date-time bound is an instant, both ends included (each purchase here is a bill made at noon UTC).
    @seed:003 @req:003-140 @req:003-143
    Scenario Outline: A range of date-times from <from> to <to> counts the bills made in it
      Given the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
        | Raj  |        | 1       | 2      | 3       | 1       |
      When the audience is customers who shopped for soybean in more than 0 distinct transactions from <from> to <to>
      Then the audience is <audience>

      Examples:
        | from                 | to                   | audience  |
        | 2022-07-07T12:00:00Z | 2022-07-07T12:00:00Z | Zoha      |
        | 2022-07-07T12:00:01Z | 2022-07-10T11:59:59Z | nobody    |
        | 2022-07-10T12:00:00Z | 2022-07-10T12:00:00Z | Raj, Zoha |

    @seed:003 @req:003-140
    Scenario: A category and an attribute are filtered like a product
      Given the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
        | Raj  |        | 1       | 2      | 3       | 1       |
      When the audience is customers who shopped for the category Pulses in more than 3 distinct transactions from 2022-07-01 to 2022-07-31
      Then the audience is Raj
      When the audience is customers who shopped for the attribute origin Madhya Pradesh in more than 1 distinct transactions from 2022-07-01 to 2022-07-31
      Then the audience is Raj, Zoha

    @seed:003 @req:003-140
    Scenario Outline: Bills of another product, category or attribute value do not count for <item>
      Given the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
        | Raj  |        | 1       | 2      | 3       | 1       |
      And Roy has bought rice, of the category Cereals and the origin Punjab, as mentioned in the following table:
        | Date    | Amount |
        | July 5  | $2     |
        | July 6  | $2     |
        | July 7  | $2     |
        | July 10 | $2     |
      When the audience is customers who shopped for <item> in more than 0 distinct transactions from 2022-07-01 to 2022-07-31
      Then the audience is <audience>

      Examples:
        | item                                  | audience  |
        | soybean                               | Raj, Zoha |
        | rice                                  | Roy       |
        | the category Pulses                   | Raj, Zoha |
        | the category Cereals                  | Roy       |
        | the attribute origin Madhya Pradesh   | Raj, Zoha |
        | the attribute origin Punjab           | Roy       |

    # Ruling 138: a purchase of several units in one bill is one time; so are two lines of the item in one bill.
    @seed:003 @req:003-140 @req:003-141 @req:003-142
    Scenario: Two lines of soybean in one bill are one transaction, and their spend adds up
      Given Roy has bought soybean in one bill of July 5 2022 as two lines of $20 each
      When the audience is customers who shopped for soybean in more than 1 distinct transactions from 2022-07-01 to 2022-07-31
      Then the audience is nobody
      When the audience is customers who shopped for soybean in more than 0 distinct transactions from 2022-07-01 to 2022-07-31
      Then the audience is Roy
      When the audience is customers whose average item value of soybean is more than 39 from 2022-07-01 to 2022-07-31
      Then the audience is Roy
      When the audience is customers who spent more than 39 on soybean from 2022-07-01 to 2022-07-31
      Then the audience is Roy

  Rule: Average item value above n

    @seed:003 @req:003-141
    Scenario Outline: Customers who buy soybean for more than <n> per bill in July
      Given Zoe has bought soybean as mentioned in the following table:
        | Date    | Amount |
        | July 5  | $10    |
        | July 6  | $50    |
        | July 10 | $70    |
      When the audience is customers whose average item value of soybean is more than <n> from 2022-07-01 to 2022-07-31
      Then the audience is <audience>

      Examples:
        | n  | audience |
        | 40 | Zoe      |
        | 43 | Zoe      |
        | 44 | nobody   |

    @seed:003 @req:003-141
    Scenario: An average item value of exactly n is not more than n
      Given Zoe has bought soybean as mentioned in the following table:
        | Date    | Amount |
        | July 5  | $10    |
        | July 6  | $50    |
        | July 10 | $60    |
      When the audience is customers whose average item value of soybean is more than 40 from 2022-07-01 to 2022-07-31
      Then the audience is nobody
      When the audience is customers whose average item value of soybean is more than 39 from 2022-07-01 to 2022-07-31
      Then the audience is Zoe

  Rule: Favourite product at the item level: spend on an item above n

    @seed:003 @req:003-142
    Scenario Outline: Customers who buy soybean for more than <n> in July
      Given Roy has bought soybean on different days as mentioned in the following table:
        | Date    | Amount |
        | July 5  | $20    |
        | July 7  | $70    |
        | July 10 | $100   |
      When the audience is customers who spent more than <n> on soybean from 2022-07-01 to 2022-07-31
      Then the audience is <audience>

      Examples:
        | n   | audience |
        | 150 | Roy      |
        | 189 | Roy      |
        | 190 | nobody   |

  Rule: Filters combine with each other and with the loyalty type

    @seed:003 @req:003-143
    Scenario Outline: <combination>
      Given the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
        | Raj  |        | 1       | 2      | 3       | 1       |
      And Zoe has bought soybean as mentioned in the following table:
        | Date    | Amount |
        | July 5  | $10    |
        | July 6  | $50    |
        | July 10 | $70    |
      And Roy has bought soybean on different days as mentioned in the following table:
        | Date    | Amount |
        | July 5  | $20    |
        | July 7  | $70    |
        | July 10 | $100   |
      When the audience from 2022-07-01 to 2022-07-31 is customers <combination>
      Then the audience is <audience>

      Examples:
        | combination                                                                                        | audience      |
        | who shopped for soybean in more than 2 distinct transactions                                       | Raj, Roy, Zoe |
        | who shopped for soybean in more than 2 distinct transactions and spent more than 150 on soybean    | Roy           |
        | whose average item value of soybean is more than 40 and spent more than 100 on soybean             | Roy, Zoe      |
        | who shopped for soybean in more than 1 distinct transactions and are loyalty customers             | Roy, Zoe, Zoha |
        | who shopped for soybean in more than 1 distinct transactions and are non-loyalty customers         | Raj           |
        | who spent more than 100 on soybean and shopped for soybean in more than 3 distinct transactions    | nobody        |

  Rule: Only bills with the item count, and a merged customer's bills count for the customer it was merged into

    @seed:003 @req:003-140
    Scenario: Bills without the item, and a product nobody bought, make no audience
      Given a bill of 300 was paid through INSTORE with mobile M4
      And the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
      When the audience is customers who shopped for soybean in more than 0 distinct transactions from 2022-07-01 to 2031-12-31
      Then the audience is Zoha
      When the audience is customers who spent more than 0 on quinoa from 2022-07-01 to 2031-12-31
      Then the audience is nobody

    @seed:003 @req:003-140
    Scenario: The bills of a customer merged into another count for the customer it was merged into
      Given the number of soybeans purchased by Zoha and Raj on different days of July 2022, at 2 each:
        | Name | July 7 | July 10 | July11 | July 13 | July 25 |
        | Zoha | 1      | 3       |        |         |         |
        | Raj  |        | 1       | 2      | 3       | 1       |
      And "Zoha" has been merged into "Roy" on request
      When the audience is customers who shopped for soybean in more than 1 distinct transactions from 2022-07-01 to 2022-07-31
      Then the audience is Raj, Roy

  Rule: A query the platform cannot take is refused

    @seed:003 @req:003-143
    Scenario Outline: An audience query with <flaw> is refused
      When the audience query with <flaw> is sent
      Then the request is refused with error <code>

      Examples:
        | flaw                             | code |
        | n below 0                        | 8531 |
        | a date range that ends before it starts | 8530 |
        | a start that is not a date       | 8530 |
        | an unknown filter                | 8532 |
        | a filter naming no item          | 8533 |
        | no filter                        | 8532 |
        | an unknown loyalty type          | 8534 |
        | a filter naming a product and a category | 8533 |
        | an empty product                 | 8533 |
        | an empty category                | 8533 |
        | an attribute without a name      | 8533 |
        | an attribute without a value     | 8533 |
        | an end that is not a date        | 8530 |
