Feature: Subscriptions
  A subscription is the customer's own choice to opt in or out of promotional or transactional
  communications from a source of the org. Member Care shows and sets it per source profile (per account,
  for a source with several accounts) and per channel, with one switch for the promotional status and one
  for the transactional status.

  # Ruling 21: the platform's API calls the two switches BULK (promotional) and TRANS (transactional) and the
  # choice OPTIN or OPTOUT; the seeds' words "promotional" and "transactional" are accepted as aliases.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: Promotional and transactional subscriptions are set and read separately

    # Seed 000 "Managing subscription"; seed 002 "Subscription status", set steps 3 and 4.
    @seed:000 @seed:002 @req:000-38 @req:000-39 @req:002-11 @req:002-12
    Scenario: A customer opts out of promotional email and stays opted in to transactional email
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" sets these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | email   | opted out   | opted in      |
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted out   | opted in      |

    # What a vendor shows for a status never set (nothing, or a default) is its own: the read must answer.
    @seed:002 @req:002-12
    Scenario: The subscriptions of a customer who never set one can be read
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When the INSTORE subscriptions of "Asha" are read
      Then the request succeeds
      When the subscriptions of "Asha" in every source are read
      Then the request succeeds

    @seed:000 @seed:002 @req:000-39 @req:002-12
    Scenario: Switching the promotional status leaves the transactional status as it was
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" set these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | mobile  | opted in    | opted in      |
      When "Asha" sets these subscriptions through INSTORE:
        | channel | promotional |
        | mobile  | opted out   |
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | mobile  | opted out   | opted in      |

    # Seed 000 "Supported communication channels": every channel carries both statuses. WeChat and Line are
    # set on the profile of their own source, which every vendor accepts (ruling 23).
    @seed:000 @req:000-38 @req:000-05
    Scenario Outline: Both statuses on the <Channel> channel
      Given a loyalty customer "Asha" registered through <source> with mobile M1
      When "Asha" sets these subscriptions through <source>:
        | channel        | promotional | transactional |
        | <channel type> | opted in    | opted out     |
      Then the request succeeds
      And the <source> subscriptions of "Asha" show:
        | channel        | promotional | transactional |
        | <channel type> | opted in    | opted out     |

      Examples:
        | Channel  | channel type | source                |
        | WeChat   | wechat       | WECHAT account "wc-1" |
        | Mobile   | mobile       | INSTORE               |
        | iOS      | ios          | INSTORE               |
        | Line     | line         | LINE account "line-1" |
        | Email    | email        | INSTORE               |
        | WhatsApp | whatsapp     | INSTORE               |
        | Android  | android      | INSTORE               |
        | Postmail | postmail     | INSTORE               |

    @seed:contract @req:contract-14
    Scenario Outline: The seed's word "<word>" names the API priority of the <switch> status
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a subscription of "Asha" through INSTORE is sent with channel "EMAIL", priority "<word>" and status "OPTOUT"
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel | <switch>  |
        | email   | opted out |

      Examples:
        | word          | switch        |
        | PROMOTIONAL   | promotional   |
        | BULK          | promotional   |
        | TRANSACTIONAL | transactional |
        | TRANS         | transactional |

    # capillary-api-notes 7: the platform's examples name the mobile channel SMS; the contract takes both names.
    @seed:contract @req:contract-14
    Scenario: The channel named SMS is the mobile channel
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a subscription of "Asha" through INSTORE is sent with channel "SMS", priority "BULK" and status "OPTOUT"
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional |
        | mobile  | opted out   |

  Rule: Each channel of a source profile has its own statuses

    # Seed 002 "Subscription status": "Select the source > org [...] Select the channel", then set the
    # promotional and the transactional status: what is set for one channel is that channel's alone.
    @seed:002 @req:002-11 @req:002-12
    Scenario: Different statuses on four channels of the Instore profile are read back as set
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" sets these subscriptions through INSTORE:
        | channel  | promotional | transactional |
        | email    | opted out   | opted in      |
        | mobile   | opted in    | opted out     |
        | whatsapp | opted out   | opted out     |
        | wechat   | opted in    | opted in      |
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel  | promotional | transactional |
        | email    | opted out   | opted in      |
        | mobile   | opted in    | opted out     |
        | whatsapp | opted out   | opted out     |
        | wechat   | opted in    | opted in      |

    @seed:002 @req:002-12
    Scenario: Changing one channel leaves the other channels as they were
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" set these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |
        | mobile  | opted in    | opted in      |
        | android | opted out   | opted out     |
      When "Asha" sets these subscriptions through INSTORE:
        | channel | promotional |
        | email   | opted out   |
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted out   | opted in      |
        | mobile  | opted in    | opted in      |
        | android | opted out   | opted out     |

    @seed:002 @req:002-03 @req:002-11 @req:002-12
    Scenario: Two accounts of one source keep their own statuses on each channel
      Given a loyalty customer "Asha" registered through MOBILE_APP account "app-1" with mobile M1
      And "Asha" also registered through MOBILE_APP account "app-2" with mobile M1
      When "Asha" sets these subscriptions through MOBILE_APP account "app-1":
        | channel | promotional | transactional |
        | email   | opted out   | opted in      |
        | mobile  | opted in    | opted in      |
        | ios     | opted in    | opted out     |
      Then the request succeeds
      When "Asha" sets these subscriptions through MOBILE_APP account "app-2":
        | channel | promotional | transactional |
        | email   | opted in    | opted out     |
        | mobile  | opted out   | opted out     |
        | ios     | opted out   | opted in      |
      Then the request succeeds
      And the MOBILE_APP account "app-1" subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted out   | opted in      |
        | mobile  | opted in    | opted in      |
        | ios     | opted in    | opted out     |
      And the MOBILE_APP account "app-2" subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted in    | opted out     |
        | mobile  | opted out   | opted out     |
        | ios     | opted out   | opted in      |

  Rule: Each source profile, and each account of a source, has its own subscriptions

    # Seed 002: "click on the desired source profile > select the org from the drop-down > select the channel".
    @seed:002 @seed:contract @req:002-11 @req:contract-15
    Scenario: The Instore and the website profile keep their own promotional status
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" also registered through WEBSITE with mobile M1
      And "Asha" set these subscriptions through INSTORE:
        | channel | promotional |
        | email   | opted out   |
      When "Asha" sets these subscriptions through WEBSITE:
        | channel | promotional |
        | email   | opted in    |
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional |
        | email   | opted out   |
      And the WEBSITE subscriptions of "Asha" show:
        | channel | promotional |
        | email   | opted in    |

    # The contract: source ALL (the default) reads every source account.
    @seed:002 @seed:contract @req:002-11 @req:contract-15
    Scenario: Reading every source shows the subscriptions of each source profile and account
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" also registered through FACEBOOK account "fb-1" with mobile M1
      And "Asha" set these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | email   | opted out   | opted in      |
      And "Asha" set these subscriptions through FACEBOOK account "fb-1":
        | channel | promotional | transactional |
        | email   | opted in    | opted out     |
      Then the subscriptions of "Asha" in every source show:
        | source   | account | channel | promotional | transactional |
        | INSTORE  |         | email   | opted out   | opted in      |
        | FACEBOOK | fb-1    | email   | opted in    | opted out     |

    @seed:002 @seed:contract @req:002-11 @req:002-12 @req:contract-15
    Scenario: An opt-out in one Facebook account does not reach another account
      Given a loyalty customer "Asha" registered through FACEBOOK account "fb-1" with mobile M1
      And "Asha" also registered through FACEBOOK account "fb-2" with mobile M1
      And "Asha" set these subscriptions through FACEBOOK account "fb-1":
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |
      And "Asha" set these subscriptions through FACEBOOK account "fb-2":
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |
      When "Asha" sets these subscriptions through FACEBOOK account "fb-1":
        | channel | promotional |
        | email   | opted out   |
      Then the request succeeds
      And the FACEBOOK account "fb-1" subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted out   | opted in      |
      And the FACEBOOK account "fb-2" subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |

    @seed:002 @seed:contract @req:002-11 @req:contract-14
    Scenario: A source profile the customer does not have cannot be subscribed
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" sets these subscriptions through WEBSITE:
        | channel | promotional |
        | email   | opted in    |
      Then the request is refused with error 8127

    @seed:002 @seed:contract @req:002-11 @req:contract-15
    Scenario: The subscriptions of a source profile the customer does not have cannot be read
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When the WEBSITE subscriptions of "Asha" are read
      Then the request is refused with error 8127

    @seed:002 @seed:contract @req:002-03 @req:contract-14
    Scenario: A subscription through a source with several accounts names its account
      Given a loyalty customer "Asha" registered through FACEBOOK account "fb-1" with mobile M1
      When "Asha" sets these subscriptions through FACEBOOK:
        | channel | promotional |
        | email   | opted in    |
      Then the request is refused with error 8045

  Rule: A refused subscription update changes nothing

    # Ruling 5: one bad entry refuses the whole update; the good entries beside it are not applied.
    @seed:000 @seed:contract @req:000-05 @req:contract-14
    Scenario: An update naming an unsupported channel is refused whole
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" set these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |
      When "Asha" sets these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | email   | opted out   | opted out     |
        | pigeon  | opted out   |               |
      Then the request is refused with error 1101
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |

    @seed:contract @req:contract-14
    Scenario Outline: A subscription with <flaw> is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" set these subscriptions through INSTORE:
        | channel | promotional |
        | email   | opted in    |
      When a subscription of "Asha" through <source> is sent with channel "<channel>", priority "<priority>" and status "<status>"
      Then the request is refused with error <code>
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional |
        | email   | opted in    |

      Examples:
        | flaw                  | source      | channel | priority | status | code |
        | an unknown channel    | INSTORE     | PIGEON  | BULK     | OPTOUT | 1101 |
        | an unknown priority   | INSTORE     | EMAIL   | URGENT   | OPTOUT | 1102 |
        | an unknown status     | INSTORE     | EMAIL   | BULK     | MAYBE  | 1106 |
        | an unknown source     | PIGEON_POST | EMAIL   | BULK     | OPTOUT | 3217 |

    @seed:contract @req:contract-15
    Scenario: The subscriptions of an unknown customer cannot be read
      When the subscriptions of an unknown customer are read
      Then the request is refused with error 8015

    @seed:contract @req:contract-14
    Scenario: The subscriptions of an unknown customer cannot be set
      When a subscription of an unknown customer through INSTORE is sent
      Then the request is refused with error 8009

    # Ruling 16 (contract-13) holds for subscriptions too: the victim's choices would reach no one.
    @seed:contract @req:contract-14
    Scenario: The subscriptions of a merge victim cannot be set
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Asha's old account" registered through INSTORE with mobile M2
      And "Asha's old account" has been merged into "Asha" on request
      When "Asha's old account" sets these subscriptions through INSTORE:
        | channel | promotional |
        | email   | opted out   |
      Then the request is refused with error 8067
