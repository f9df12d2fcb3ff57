Feature: Identifiers that do not identify: WeChat ids, union ids and the API's other types
  Besides mobile numbers, email IDs and external IDs, a customer can hold the other identifiers the platform
  documents: a WeChat id and a WeChat union ID, a MartJack id, a Facebook id, a LINE id, a CUID. They are
  shown with the customer and a WeChat id finds its customer, but none of them makes two customers one.

  # Ruling 90: seed 002 says "Member Care supports mobile numbers, email ID, external ID, card number, card
  # external ID, WeChat union ID, and more" among a customer's identifiers, and the platform's own
  # change-identifier example adds {"type": "wechat"}; no seed says such an identifier matches or merges
  # customers (the merge rules of seeds 000 and 004 name mobile, email and external ID only). So these
  # types are held, shown after the matching ones, changed without a setting guarding them, and found by
  # the lookups that document them (wechat, martjackId, fbId), the oldest customer first; they never merge.

  Background:
    Given an org with default settings

  Rule: A customer holds and shows the other identifier types

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: A registration through WeChat keeps the WeChat id and the union ID
      Given a loyalty customer "Li" registered through WECHAT account "brand-oa" with these details:
        | mobile          | M1 |
        | wechat id       | W1 |
        | wechat union id | U1 |
      Then "Li" has mobile M1, wechat id W1 and wechat union id U1
      And the WECHAT account "brand-oa" profile of "Li" shows wechat id W1 and wechat union id U1
      And the first identifier of "Li" is the mobile M1

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario Outline: A <identifier> given at registration is shown with the customer
      Given a loyalty customer "Li" registered through INSTORE with mobile M1 and <identifier> W1
      Then "Li" has mobile M1 and <identifier> W1
      And the INSTORE profile of "Li" shows <identifier> W1

      Examples:
        | identifier  |
        | wechat id   |
        | martjack id |
        | facebook id |
        | line id     |
        | cuid        |

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: A WeChat id that comes with a later registration joins the identifiers the customer holds
      Given a loyalty customer "Li" registered through INSTORE with mobile M1 and martjack id J1
      When a loyalty registration arrives through WECHAT account "brand-oa" with these details:
        | mobile    | M1 |
        | wechat id | W1 |
      Then the request succeeds
      And the request's customer is "Li"
      And "Li" has mobile M1, martjack id J1 and wechat id W1
      And looking up the wechat id W1 through INSTORE finds "Li"

  Rule: An identifier change adds, changes and removes a WeChat id, as the platform's own example does

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Adding a WeChat id to a registered customer
      Given a loyalty customer "Li" registered through INSTORE with mobile M1
      When "Li" adds the wechat id W1 through INSTORE
      Then the request succeeds
      And "Li" has mobile M1 and wechat id W1
      And looking up the wechat id W1 through INSTORE finds "Li"

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Changing the WeChat id
      Given a loyalty customer "Li" registered through INSTORE with mobile M1 and wechat id W1
      When "Li" changes its wechat id from W1 to W2 through INSTORE
      Then the request succeeds
      And "Li" has wechat id W2
      And the INSTORE profile of "Li" shows wechat id W2
      And looking up the wechat id W2 through INSTORE finds "Li"
      And no customer is found with wechat id W1

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Removing the WeChat id
      Given a loyalty customer "Li" registered through INSTORE with mobile M1 and wechat id W1
      When "Li" removes the wechat id W1 through INSTORE
      Then the request succeeds
      And "Li" has no wechat id
      And the INSTORE profile of "Li" shows no wechat id
      And "Li" has mobile M1
      And no customer is found with wechat id W1

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Removing a WeChat id the customer does not hold changes nothing
      Given a loyalty customer "Li" registered through INSTORE with mobile M1 and wechat id W1
      When "Li" removes the wechat id W2 through INSTORE
      Then the request succeeds
      And "Li" has wechat id W1
      And the INSTORE profile of "Li" shows wechat id W1

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Removing a WeChat id from a customer who holds no identifier of the other types changes nothing
      Given a loyalty customer "Li" registered through INSTORE with mobile M1
      When "Li" removes the wechat id W1 through INSTORE
      Then the request succeeds
      And "Li" has mobile M1
      And "Li" has no wechat id

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Adding a WeChat id and a Facebook id in one change
      Given a loyalty customer "Li" registered through INSTORE with mobile M1
      When "Li" adds the wechat id W1 and facebook id W2 through INSTORE
      Then the request succeeds
      And "Li" has mobile M1, wechat id W1 and facebook id W2
      And the INSTORE profile of "Li" shows wechat id W1 and facebook id W2

    # Whether a change with an empty value is refused or the empty value ignored, no seed says: either way the
    # customer holds no WeChat id.
    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: A WeChat id with an empty value is no WeChat id
      Given a loyalty customer "Li" registered through INSTORE with mobile M1
      When "Li" adds a wechat id with an empty value through INSTORE
      Then the request succeeds or is refused, without a server error
      And "Li" has no wechat id
      And the INSTORE profile of "Li" shows no wechat id
      And looking up the mobile M1 through INSTORE finds "Li"

    # Ruling 90: one value per type.
    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Two WeChat ids in one change are refused
      Given a loyalty customer "Li" registered through INSTORE with mobile M1
      When "Li" adds the wechat id W1 and wechat id W2 through INSTORE
      Then the request is refused with error 8013
      And "Li" has no wechat id

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Changing the WeChat id keeps the WeChat union ID
      Given a loyalty customer "Li" registered through WECHAT account "brand-oa" with these details:
        | mobile          | M1 |
        | wechat id       | W1 |
        | wechat union id | U1 |
      When "Li" changes its wechat id from W1 to W2 through WECHAT account "brand-oa"
      Then the request succeeds
      And "Li" has mobile M1, wechat id W2 and wechat union id U1
      And the WECHAT account "brand-oa" profile of "Li" shows wechat id W2 and wechat union id U1

  Rule: A WeChat id finds its customer but never makes two customers one

    @seed:002 @seed:contract @req:002-07 @req:contract-95
    Scenario: Looking up and reading a customer by the WeChat id
      Given a loyalty customer "Li" registered through WECHAT account "brand-oa" with these details:
        | mobile    | M1 |
        | wechat id | W1 |
      Then looking up the wechat id W1 through WECHAT account "brand-oa" finds "Li"
      And reading the customer details by the wechat id W1 through WECHAT account "brand-oa" shows "Li"

    @seed:contract @req:contract-95
    Scenario: Two customers with one WeChat id stay two customers
      Given a loyalty customer "Li" registered through INSTORE with mobile M1 and wechat id W1
      When a loyalty registration arrives through INSTORE with mobile M2 and wechat id W1
      Then the request created a new customer "Wei"
      And "Li" is not merged
      And "Wei" has mobile M2 and wechat id W1
      And looking up the wechat id W1 through INSTORE finds "Li"
