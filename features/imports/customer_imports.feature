Feature: Connect+ customer imports: status label and channel-wise subscriptions
  Seed 003 "Support for Customer Status in Connect+": "You can now assign Customer Status to any customer via
  Connect+ using v2 customer add [...] The prerequisite is to have Customer Status enabled and labels created
  as per the directions." "Please note that it is not mandatory to set Customer Status while registering a
  customer. [...] statusLabelReason field is optional." Seed 003 "Support for Subscription Status in
  Connect+": "You can now assign channel-wise subscription status to a customer via Connect+ using Customer v2
  add".

  # Ruling 171: a refused row never stops the others; what can refuse a row (the label and the prerequisite of
  # customer status, subscription values, mandatory columns) is checked before the row registers anyone; a
  # statusLabelReason without a label is refused (8205).
  # Ruling 172: the subscription columns are named subscription.<channel>.<TRANS|BULK> and hold OPTIN or OPTOUT,
  # for the row's own source profile (the v2 subscription API's names, README "Subscriptions").

  Background:
    Given an org with default settings

  Rule: A customer import sets the status label and the channel-wise subscriptions

    @seed:003 @req:003-252
    Scenario: A customer imported with a status label and its reason
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is true
      And the org setting CONF_REGISTRATION_PRIMARY_KEY is externalId
      And the org's status labels, created in this order:
        | status | label           |
        | Active | active-customer |
        | Active | new-joiner      |
      When a CUSTOMER_ADD_V2 import is sent:
        | source  | externalId | firstName | statusLabel | statusLabelReason    |
        | INSTORE | X1         | Nira      | new-joiner  | joined at the launch |
      Then the import accepted 1 row and refused 0
      And row 1 of the import created the customer "Nira"
      And "Nira" shows the status "Active" with the label "new-joiner"
      And the status log of "Nira" shows, newest first:
        | status | label      | reason               | changed by     |
        | Active | new-joiner | joined at the launch | the org's till |

    @seed:003 @req:003-252
    Scenario: Without customer status enabled, a row with a status label is refused and creates no one
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is false
      When a CUSTOMER_ADD_V2 import is sent:
        | source  | mobile | statusLabel     |
        | INSTORE | M2     | active-customer |
        | INSTORE | M3     |                 |
      Then the import rows are:
        | row | status   | code |
        | 1   | REFUSED  | 3044 |
        | 2   | ACCEPTED |      |
      And looking up mobile M2 through INSTORE finds no customer

    @seed:003 @req:003-252
    Scenario: A label the org has not created refuses the row and creates no one
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is true
      And the org's status labels, created in this order:
        | status | label           |
        | Active | active-customer |
      When a CUSTOMER_ADD_V2 import is sent:
        | source  | mobile | statusLabel |
        | INSTORE | M2     | gold-member |
      Then the import rows are:
        | row | status  | code |
        | 1   | REFUSED | 8086 |
      And looking up mobile M2 through INSTORE finds no customer

    @seed:003 @req:003-253
    Scenario: Channel-wise subscriptions given at registration
      When a CUSTOMER_ADD_V2 import is sent:
        | source  | mobile | email | subscription.mobilePush.BULK | subscription.email.BULK | subscription.email.TRANS |
        | INSTORE | M2     | E2    | OPTIN                        | OPTOUT                  | OPTIN                    |
      Then the import accepted 1 row and refused 0
      And row 1 of the import created the customer "Kiran"
      And the INSTORE subscriptions of "Kiran" show:
        | channel    | promotional | transactional |
        | mobilepush | opted in    | not set       |
        | email      | opted out   | opted in      |

    @seed:003 @req:003-253
    Scenario: A subscription value that is no status refuses the row and creates no one
      When a CUSTOMER_ADD_V2 import is sent:
        | source  | mobile | subscription.email.BULK |
        | INSTORE | M2     | MAYBE                   |
      Then the import rows are:
        | row | status  | code |
        | 1   | REFUSED | 1106 |
      And looking up mobile M2 through INSTORE finds no customer

  Rule: Each row registers its customer as the v2 customer add would

    @seed:003 @req:003-252 @req:003-253
    Scenario: The row's account, names and loyalty type make the customer's profile
      When a CUSTOMER_ADD_V2 import is sent:
        | source  | accountId | mobile | firstName | lastName | loyaltyType | subscription.wechat.BULK |
        | WECHAT  | wc-1      | M2     | Kiran     | Rao      | non_loyalty | OPTIN                    |
        | INSTORE |           | M3     | Meera     |          | loyalty     |                          |
      Then the import accepted 2 rows and refused 0
      And row 1 of the import created the customer "Kiran"
      And row 2 of the import created the customer "Meera"
      And "Kiran" is a non-loyalty customer
      And "Meera" is a loyalty customer
      And "Kiran" has these source profiles:
        | source | account |
        | WECHAT | wc-1    |
      And the WECHAT account "wc-1" profile of "Kiran" shows the first name "Kiran"
      And the WECHAT account "wc-1" profile of "Kiran" shows the last name "Rao"
      And the WECHAT account "wc-1" subscriptions of "Kiran" show:
        | channel | promotional | transactional |
        | wechat  | opted in    | not set       |

    @seed:003 @req:003-252
    Scenario: A row the customer add would refuse is refused and registers no one
      When a CUSTOMER_ADD_V2 import is sent:
        | source  | mobile | loyaltyType | statusLabelReason |
        | INSTORE | M2     | gold        |                   |
        |         | M3     |             |                   |
        | INSTORE | M4     |             | joined at launch  |
      Then the import rows are:
        | row | status  | code |
        | 1   | REFUSED | 8203 |
        | 2   | REFUSED | 8004 |
        | 3   | REFUSED | 8205 |
      And looking up mobile M2 through INSTORE finds no customer
      And looking up mobile M3 through INSTORE finds no customer
      And looking up mobile M4 through INSTORE finds no customer

  Rule: A file the import cannot read is refused whole

    @seed:003 @req:003-255
    Scenario Outline: A file the import cannot read is refused whole: <flaw>
      When a <template> import is sent with this file:
        """
        <file>
        """
      Then the request is refused with error <code>
      And looking up mobile M2 through INSTORE finds no customer

      Examples:
        | flaw                 | template        | file                                        | code |
        | an unclosed quote    | CUSTOMER_ADD_V2 | source,mobile\nINSTORE,"M2                  | 8440 |
        | an unknown template  | FLEET_V9        | source,mobile\nINSTORE,M2                   | 8444 |
        | an unknown column    | CUSTOMER_ADD_V2 | source,mobile,shoeSize\nINSTORE,M2,42       | 8445 |
        | a column that only starts like a subscription | CUSTOMER_ADD_V2 | source,mobile,subscription.email.BULK.old\nINSTORE,M2,OPTIN | 8445 |
        | a column that only ends like a subscription   | CUSTOMER_ADD_V2 | source,mobile,old.subscription.email.BULK\nINSTORE,M2,OPTIN | 8445 |
        | a subscription column in another template     | COUPON_REDEEM   | couponCode,mobile,subscription.email.BULK\nC1,M2,OPTIN       | 8445 |

