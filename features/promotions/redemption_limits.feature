Feature: Promo code redemption restrictions
  Brands restrict how many times a promo code can be redeemed: by all customers together (the seed's
  influencer code HOLIMAN100: the first 1000 users get the benefit), by one customer, and the number of
  transactions the promotion allows (seed 003 "Promo code redemption restrictions").

  # Ruling 130: the seed calls the codes "limited-time offers redeemable once" and then says they "can be
  # redeemed multiple times as per set restrictions": without a restriction a code is redeemable once
  # (the paper voucher); the brand's restrictions raise that.
  # Ruling 131: "limit the number of times a promo code can be used" is a per-code limit over all customers;
  # "limit the number of transactions a promo code can allow" is taken as the promotion's budget of
  # transactions over all its codes: a code is used once per bill, so per code it would repeat the first limit.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a loyalty customer "Ravi" registered through INSTORE with mobile M2

  Rule: Without restrictions a code is redeemable once

    @seed:003 @req:003-105
    Scenario: A voucher code with no restriction is redeemed once
      Given a code-linked promotion "Paper voucher" of ABS 50 off, valid till 2099-12-31
      And the brand uploaded the promo code VOUCHER1 for "Paper voucher"
      And "Asha" has paid a bill of 300 with promo code VOUCHER1
      When "Ravi" pays a bill of 300 with promo code VOUCHER1
      Then the request is refused with error 8508
      And "Ravi" has no transactions
      And promo code VOUCHER1 has been redeemed 1 time

  Rule: A code's redemptions by all customers together are limited

    @seed:003 @req:003-106 @bulk
    Scenario: The first 1000 followers get HOLIMAN100's benefit, the 1001st does not
      Given a code-linked promotion "Holi with Mansi" of PERC 10 off, valid till 2099-12-31, with these restrictions:
        | restriction                 | limit |
        | redemptions of a code       | 1000  |
      And the brand uploaded the promo code HOLIMAN100 for "Holi with Mansi"
      And 1000 followers have each paid a bill of 200 with promo code HOLIMAN100
      When "Asha" pays a bill of 200 with promo code HOLIMAN100
      Then the request is refused with error 8508
      And "Asha" has no transactions
      And promo code HOLIMAN100 has been redeemed 1000 times

    @seed:003 @req:003-106 @req:003-110
    Scenario: Customers racing for the last redemption of a code: exactly one gets it
      Given a code-linked promotion "Holi with Mansi" of PERC 10 off, valid till 2099-12-31, with these restrictions:
        | restriction                 | limit |
        | redemptions of a code       | 3     |
      And the brand uploaded the promo code HOLIMAN100 for "Holi with Mansi"
      And "Asha" has paid a bill of 200 with promo code HOLIMAN100
      And "Ravi" has paid a bill of 200 with promo code HOLIMAN100
      When 8 new customers pay a bill of 200 with promo code HOLIMAN100 at the same time
      Then exactly 1 of those bills got 20 off and the others were refused with error 8508
      And promo code HOLIMAN100 has been redeemed 3 times

  Rule: A code's redemptions by one customer are limited

    @seed:003 @req:003-107
    Scenario: A customer who used up their redemptions is refused, another customer is not
      Given a code-linked promotion "Weekend treat" of ABS 30 off, valid till 2099-12-31, with these restrictions:
        | restriction                 | limit |
        | redemptions of a code       | 10    |
        | redemptions per customer    | 2     |
      And the brand uploaded the promo code TREAT30 for "Weekend treat"
      And "Asha" has paid a bill of 120 with promo code TREAT30
      And "Asha" has paid a bill of 120 with promo code TREAT30
      When "Asha" pays a bill of 120 with promo code TREAT30
      Then the request is refused with error 8509
      When "Ravi" pays a bill of 120 with promo code TREAT30
      Then the bill got 30 off with promo code TREAT30
      And promo code TREAT30 has been redeemed 3 times

  Rule: The transactions a promotion allows are limited over all its codes

    @seed:003 @req:003-108
    Scenario: A promotion that allowed its transactions refuses another code of it
      Given a code-linked promotion "Influencer week" of ABS 25 off, valid till 2099-12-31, with these restrictions:
        | restriction                   | limit |
        | redemptions of a code         | 5     |
        | transactions of the promotion | 3     |
      And the brand uploaded the promo codes MANSI25 and KABIR25 for "Influencer week"
      And "Asha" has paid a bill of 100 with promo code MANSI25
      And "Ravi" has paid a bill of 100 with promo code KABIR25
      And "Asha" has paid a bill of 100 with promo code KABIR25
      When "Ravi" pays a bill of 100 with promo code MANSI25
      Then the request is refused with error 8510
      And promo code MANSI25 has been redeemed 1 time
      And promo code KABIR25 has been redeemed 2 times

    # Ruling 131: the promotion's budget counts transactions, and a bill is one transaction however many of the
    # promotion's codes it carries.
    @seed:003 @req:003-108
    Scenario: Two codes of a promotion on one bill use one of its transactions
      Given a code-linked promotion "Influencer week" of ABS 25 off, valid till 2099-12-31, with these restrictions:
        | restriction                   | limit |
        | redemptions of a code         | 5     |
        | transactions of the promotion | 2     |
      And the brand uploaded the promo codes MANSI25 and KABIR25 for "Influencer week"
      And "Ravi" has paid a bill of 100 with promo code MANSI25
      When "Asha" pays a bill of 100 with promo codes MANSI25 and KABIR25
      Then the request succeeds
      When "Ravi" pays a bill of 100 with promo code KABIR25
      Then the request is refused with error 8510
      And promo code MANSI25 has been redeemed 2 times
      And promo code KABIR25 has been redeemed 1 time

    # The contract's TransactionRequest: a code may not be presented twice on one bill (8514); ruling 132: a code
    # applies once per transaction.
    @seed:003 @req:003-105
    Scenario: A bill carrying the same code twice is refused and nothing changes
      Given a code-linked promotion "Influencer week" of ABS 25 off, valid till 2099-12-31, with these restrictions:
        | restriction           | limit |
        | redemptions of a code | 5     |
      And the brand uploaded the promo code MANSI25 for "Influencer week"
      When "Asha" pays a bill of 100 with promo codes MANSI25 and MANSI25
      Then the request is refused with error 8514
      And "Asha" has no transactions
      And promo code MANSI25 has been redeemed 0 times

    # Ruling 132: a linked code that can no longer apply (expired, used up) is skipped at the next bill, never a
    # reason to refuse it.
    @seed:003 @req:003-108 @req:003-109
    Scenario: A linked code of a promotion that allowed its transactions is skipped, and the bill is accepted
      Given a code-linked promotion "Influencer week" of ABS 25 off, valid till 2099-12-31, with these restrictions:
        | restriction                   | limit |
        | transactions of the promotion | 1     |
      And the brand uploaded the promo codes MANSI25 and KABIR25 for "Influencer week"
      And promo code KABIR25 was linked to "Asha"
      And "Ravi" has paid a bill of 100 with promo code MANSI25
      When "Asha" pays a bill of 100
      Then the request succeeds
      And the bill got no promo code discount
      And promo code KABIR25 has been redeemed 0 times
